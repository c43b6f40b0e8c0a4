import { z } from 'zod'
import { objectIdString } from '../ids'
import { parseSearchQuery, searchHref, type SearchQuery } from '../search/query'
import '~/i18n/areas/alerts'
import { ALERT_NAME_MAX, ALERT_SEARCH_MAX, alertFrequencies } from './vocabulary'

/**
 * Saved-search alerts (issue 14): a search of needs, saved with a name and a frequency, whose new
 * results are e-mailed daily or weekly. The saved search is the search page's own query string,
 * read with the page's own parser (search/query.ts), so an alert matches what the page would show.
 */
const frequency = z.enum(alertFrequencies, { errorMap: () => ({ message: 'alerts.errors.frequency' }) })
const name = z
  .string({ invalid_type_error: 'alerts.errors.nameRequired' })
  .trim()
  .max(ALERT_NAME_MAX, 'alerts.errors.nameTooLong')
  // A name goes into e-mail subjects: no control characters (CR/LF header injection, tabs…).
  .regex(/^[^\p{Cc}]*$/u, 'alerts.errors.nameInvalid')

export const createAlertSchema = z.object({
  name: name.optional(),
  frequency,
  /** The search page's query string (`type=needs&q=…&domain=…`). */
  search: z.string({ required_error: 'alerts.errors.search' }).max(ALERT_SEARCH_MAX, 'alerts.errors.search'),
})

export const updateAlertSchema = z.object({
  alertId: objectIdString('alerts.errors.notFound'),
  name: name.pipe(z.string().min(1, 'alerts.errors.nameRequired')),
  frequency,
  /** A checkbox: absent means off (an alert turned off by its unsubscribe link is turned back on here). */
  enabled: z.boolean().optional().default(false),
})

export const deleteAlertSchema = z.object({ alertId: objectIdString('alerts.errors.notFound') })

/**
 * The search an alert saves: parsed as the search page parses its URL, then written back in the
 * page's canonical form (no page, no sort). Only searches of needs make alerts; null otherwise.
 */
export function savedSearchOf(search: string): { query: SearchQuery; search: string } | null {
  const query = parseSearchQuery(new URLSearchParams(search.replace(/^\?/, '')))
  if (query.kind !== 'needs') return null
  const canonical = { ...query, sort: 'relevance', page: 1 }
  return { query: canonical, search: searchHref(canonical).replace(/^\/recherche\?/, '') }
}
