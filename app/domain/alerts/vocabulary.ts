/**
 * An alert's limits and frequencies, without zod: the search page's "create an alert" form
 * imports these without pulling the validation library into the browser (issue 16).
 */
export const MAX_ALERTS_PER_USER = 20
export const ALERT_NAME_MAX = 80
/** Longer than any query string the search page builds (10 values × 9 facets, a 200-character query). */
export const ALERT_SEARCH_MAX = 4000
export const alertFrequencies = ['daily', 'weekly'] as const
export type AlertFrequency = (typeof alertFrequencies)[number]
