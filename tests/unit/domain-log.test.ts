import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { domainLog, useDomainLog, type DomainLog } from '~/domain/log'

const LOG = Symbol.for('passerelle.domain.log')

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : []
  })
}

describe('the domain log', () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[LOG]
  })

  it('is the one the process injected, read at each call', () => {
    const before = domainLog()
    const lines: string[] = []
    const log: DomainLog = { error: (_fields, message) => lines.push(`error ${message}`), warn: (_fields, message) => lines.push(`warn ${message}`) }
    useDomainLog(log)
    expect(domainLog()).toBe(log)
    expect(domainLog()).not.toBe(before)
    domainLog().error({ err: new Error('boom') }, 'messaging: lastMessageAt update failed')
    expect(lines).toEqual(['error messaging: lastMessageAt update failed'])
  })

  it('falls back to the console before anything is injected', () => {
    expect(domainLog()).not.toBeUndefined()
    expect(typeof domainLog().error).toBe('function')
  })

  it('is the only way app/domain logs: no console calls there', () => {
    const offenders = filesUnder('app/domain')
      .filter((file) => file !== path.join('app', 'domain', 'log.ts'))
      .filter((file) => /\bconsole\.(log|info|warn|error|debug)\(/.test(readFileSync(file, 'utf8')))
    expect(offenders).toEqual([])
  })
})
