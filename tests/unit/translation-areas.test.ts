import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { translationAreas } from '~/i18n/browser-translations'
import fr from '~/i18n/locales/fr'
import common from '~/i18n/locales/fr/common'

/**
 * The browser downloads an area's texts only when a module that shows them imports
 * `~/i18n/areas/<area>` (app/i18n/browser-translations.ts). This rule, read from the sources,
 * makes that import impossible to forget — and to leave behind once the texts are gone.
 */
const areaOfKey = new Map(Object.keys(fr).map((key) => [key, key in common ? 'common' : key]))
const keyLiteral = new RegExp(`['"\`](${[...areaOfKey.keys()].join('|')})\\.[A-Za-z]`, 'g')
const areaImport = /^import '~\/i18n\/areas\/([a-z]+)'$/gm

// Modules that may reach the browser: not *.server.*, not the translations themselves.
const modules = execFileSync('git', ['ls-files', 'app/*.ts', 'app/*.tsx'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && !/\.server\.tsx?$/.test(file) && !file.startsWith('app/i18n/') && file !== 'app/entry.server.tsx')

/**
 * Pages whose action answers with another area's refusals and form errors: the keys are written
 * in that domain's schema and services (*.server.ts), not in the page, which still shows them.
 */
const refusalsShown: Record<string, string[]> = {
  'app/routes/signaler.tsx': ['moderation'],
  'app/routes/signaler_.contestations.tsx': ['moderation'],
}

describe('translation areas', () => {
  it('are the translations’ top-level parts, common holding the shell’s', () => {
    const areas = new Set(areaOfKey.values())
    expect([...translationAreas].sort()).toEqual([...areas].sort())
  })

  it('are imported by every module that shows their texts, and only by those', () => {
    expect(modules.length).toBeGreaterThan(100)
    expect(modules).toEqual(expect.arrayContaining(Object.keys(refusalsShown)))
    const wrong: string[] = []
    for (const file of modules) {
      const source = readFileSync(file, 'utf8')
      const used = new Set([...source.matchAll(keyLiteral)].map((match) => areaOfKey.get(match[1]!)!).filter((area) => area !== 'common'))
      const imported = new Set([...source.matchAll(areaImport)].map((match) => match[1]!))
      if (file === 'app/root.tsx') used.add('common')
      for (const area of refusalsShown[file] ?? []) used.add(area)
      for (const area of used) if (!imported.has(area)) wrong.push(`${file} shows ${area} texts without importing ~/i18n/areas/${area}`)
      for (const area of imported) if (!used.has(area)) wrong.push(`${file} imports ~/i18n/areas/${area} and shows none of its texts`)
    }
    expect(wrong).toEqual([])
  })
})
