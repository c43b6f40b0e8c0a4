import { useMatches } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'

/** A title from a page's own data: a name as it is, or an i18n key with its values. */
export type PageTitle = string | { key: string; values: Record<string, string> }

/**
 * What a route says about its page in its `handle` (every page route says it:
 * tests/unit/page-titles.test.ts):
 * - `titleKey`, the i18n key of its title ("Mes données — Passerelle");
 * - `titleFrom`, a title from its loader's data (a need's title, an organisation's name), used
 *   when the data has one — `titleKey` stays the fallback (a refused or missing record);
 * - `standalone`: the title is the whole <title>, without « — Passerelle » (the home page).
 * The deepest route that names one gives the document's <title>.
 */
export type PageHandle<Data = never> = {
  titleKey?: string
  titleFrom?: (data: Data | undefined) => PageTitle | null | undefined
  standalone?: boolean
}

export function usePageTitle(): string {
  const { t } = useTranslation()
  const loose = t as unknown as (key: string, values?: Record<string, string>) => string
  const page = useMatches()
    .map((match) => ({ handle: match.handle as PageHandle<unknown> | undefined, data: match.data }))
    .filter(({ handle }) => handle?.titleKey || handle?.titleFrom)
    .at(-1)
  if (!page) return t('meta.title')
  const fromData = safely(() => page.handle!.titleFrom?.(page.data))
  const title = typeof fromData === 'string' && fromData ? fromData : fromData && typeof fromData === 'object' ? loose(fromData.key, fromData.values) : page.handle!.titleKey ? loose(page.handle!.titleKey) : null
  if (!title) return t('meta.title')
  return page.handle!.standalone ? title : `${title} — Passerelle`
}

/** Data of an errored route may be missing or partial: no title from it then, never a crash. */
function safely<T>(read: () => T): T | undefined {
  try {
    return read()
  } catch {
    return undefined
  }
}
