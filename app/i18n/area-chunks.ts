/**
 * Which built chunks wait for which translation areas, and the file of each language's area:
 * written by the build (vite.config.ts) as build/client/translation-areas.json, read by the
 * server (to fetch a page's texts while its modules download, instead of after them) and by
 * bench/pages.ts. Type imports only: vite.config.ts loads this module.
 */
export type TranslationAreaChunks = {
  /** Built module file (as in Remix's manifest: /assets/x.js) → the areas it awaits itself. */
  awaitedBy: Record<string, string[]>
  /** Language → area → its texts' file. */
  texts: Record<string, Record<string, string>>
}

export const AREA_CHUNKS_FILE = 'translation-areas.json'

type BuiltChunk = { fileName: string; facadeModuleId: string | null; moduleIds: readonly string[] }

const areaModule = /\/app\/i18n\/areas\/(\w+)\.ts$/
const areaTexts = /\/app\/i18n\/locales\/(\w+)\/(\w+)\.ts$/

/** The language and area of a module of texts (`app/i18n/locales/fr/needs.ts`), if it is one. */
export function textsModuleOf(moduleId: string | null | undefined): { language: string; area: string } | null {
  const match = moduleId?.match(areaTexts)
  return match ? { language: match[1]!, area: match[2]! } : null
}

export function areaChunksOf(chunks: readonly BuiltChunk[]): TranslationAreaChunks {
  const result: TranslationAreaChunks = { awaitedBy: {}, texts: {} }
  for (const chunk of chunks) {
    const texts = textsModuleOf(chunk.facadeModuleId)
    if (texts) (result.texts[texts.language] ??= {})[texts.area] = `/${chunk.fileName}`
    const areas = chunk.moduleIds.flatMap((id) => id.match(areaModule)?.[1] ?? [])
    if (areas.length) result.awaitedBy[`/${chunk.fileName}`] = areas
  }
  return result
}

/** The areas a page's modules (entry, root, routes and their static imports) wait for. */
export function areasAwaitedBy(chunks: TranslationAreaChunks, modules: Iterable<string>): string[] {
  const areas = new Set<string>()
  for (const file of modules) for (const area of chunks.awaitedBy[file] ?? []) areas.add(area)
  return [...areas].sort()
}

/** Their texts' files in the page's language. */
export function areaTextFiles(chunks: TranslationAreaChunks, language: string, modules: Iterable<string>): string[] {
  return areasAwaitedBy(chunks, modules).flatMap((area) => chunks.texts[language]?.[area] ?? [])
}
