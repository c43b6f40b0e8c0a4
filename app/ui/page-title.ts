import { useMatches } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/**
 * What a route may say about its page in its `handle`: `titleKey`, the i18n key of its title.
 * The deepest route that names one gives the document's <title> ("Mes données — Passerelle");
 * pages that name none keep the site's title.
 */
export type PageHandle = { titleKey?: string }

export function usePageTitle(): string {
  const { t } = useTranslation()
  const loose = t as unknown as (key: string) => string
  const titleKey = useMatches()
    .map((match) => (match.handle as PageHandle | undefined)?.titleKey)
    .filter(Boolean)
    .at(-1)
  return titleKey ? `${loose(titleKey)} — Passerelle` : t('meta.title')
}
