import type { EntryContext } from '@remix-run/node'
import { createContext, useContext } from 'react'
import { areaTextFiles, type TranslationAreaChunks } from './area-chunks'

/**
 * A page's modules fetch their translation areas only once they run (./browser-translations.ts),
 * that is after every module has downloaded: one more round trip before the page is interactive,
 * 150 ms on a rural line. The server knows those areas; a small script in the head starts their
 * download with the page's first requests. (A Link header cannot do it: the CSP trusts scripts
 * by nonce, and a header carries none.)
 */
const AreaTextsContext = createContext<readonly string[]>([])
export const AreaTextsProvider = AreaTextsContext.Provider

/** Per build: a page's files depend only on its language and matched routes (a few hundred pairs at most). */
const filesByBuild = new WeakMap<TranslationAreaChunks, Map<string, string[]>>()

/** The text files of the areas the matched routes' modules wait for, in the page's language. */
export function pageAreaTexts(chunks: TranslationAreaChunks | undefined, language: string, context: EntryContext): string[] {
  if (!chunks) return []
  const { manifest, staticHandlerContext } = context
  let known = filesByBuild.get(chunks)
  if (!known) filesByBuild.set(chunks, (known = new Map()))
  const key = `${language} ${staticHandlerContext.matches.map((match) => match.route.id).join(' ')}`
  let files = known.get(key)
  if (!files) {
    const modules = [manifest.entry.module, ...manifest.entry.imports]
    for (const match of staticHandlerContext.matches) {
      const route = manifest.routes[match.route.id]
      if (route) modules.push(route.module, ...(route.imports ?? []))
    }
    known.set(key, (files = areaTextFiles(chunks, language, modules)))
  }
  return files
}

/**
 * Rendered with the server's list; in the browser the script has already run, and React leaves
 * a script's text as the server wrote it (suppressHydrationWarning: the browser's list is empty).
 */
export function AreaTextsPreload({ nonce }: { nonce: string }) {
  const files = useContext(AreaTextsContext)
  const source = files.map((file) => `import(${JSON.stringify(file).replace(/</g, '\\u003c')})`).join(';')
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: source }} />
}
