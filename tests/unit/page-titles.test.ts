import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import en from '~/i18n/locales/en'
import fr from '~/i18n/locales/fr'

/**
 * Every page has its own <title> (issue 15): each route module that renders a page (a default
 * export) names one in its `handle` — `titleKey`, an i18n key, and/or `titleFrom`, a title from
 * its data (app/ui/page-title.ts). Resource routes (no component) need none. Read from the
 * source, so a new page without a title fails here before anyone sees « Passerelle » on every tab.
 */
const routesDir = path.resolve(__dirname, '../../app/routes')
const routes = readdirSync(routesDir)
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => ({ file, source: readFileSync(path.join(routesDir, file), 'utf8') }))
const pages = routes.filter(({ source }) => /^export default\b/m.test(source))

const handleOf = (source: string) => source.match(/^export const handle\b[^=]*=\s*(\{.*\})\s*$/m)?.[1] ?? null
const titleKeyOf = (source: string) => handleOf(source)?.match(/titleKey:\s*'([^']+)'/)?.[1] ?? null

function lookUp(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages)
}

describe('page titles', () => {
  it('finds the pages among the routes', () => {
    expect(pages.length).toBeGreaterThan(30)
    expect(pages.map(({ file }) => file)).toEqual(expect.arrayContaining(['recherche.tsx', 'besoins.$id._index.tsx', 'compte._index.tsx']))
    expect(pages.map(({ file }) => file)).not.toContain('api.recherche.tsx')
  })

  it('every page route names its title in its handle (titleKey or titleFrom)', () => {
    const untitled = pages.filter(({ source }) => !/titleKey:|titleFrom:/.test(handleOf(source) ?? '')).map(({ file }) => file)
    expect(untitled).toEqual([])
  })

  it('every title key exists in French and English, as a plain text with nothing to fill in', () => {
    const problems = pages.flatMap(({ file, source }) => {
      const key = titleKeyOf(source)
      if (!key) return []
      return [fr, en].flatMap((messages, index) => {
        const text = lookUp(messages, key)
        const language = index === 0 ? 'fr' : 'en'
        if (typeof text !== 'string') return [`${file}: ${key} missing in ${language}`]
        if (text.includes('{{')) return [`${file}: ${key} has values to fill in (${language}); use titleFrom`]
        return []
      })
    })
    expect(problems).toEqual([])
  })

  it('pages that show a record take its name from their data', () => {
    const dataTitled = pages.filter(({ source }) => /titleFrom:/.test(handleOf(source) ?? '')).map(({ file }) => file)
    expect(dataTitled).toEqual(expect.arrayContaining(['besoins.$id._index.tsx', 'organisations.$slug._index.tsx', 'membres.$userId.tsx', 'messages.$conversationId.tsx', 'projets.$id.tsx']))
  })
})
