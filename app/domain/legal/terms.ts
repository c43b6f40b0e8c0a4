/**
 * The terms of use people accept. A new version (a new date here, and the text of
 * /conditions-utilisation changed with it) asks every signed-in person again before their next
 * page; each acceptance is kept with its version and date (users' `termsAcceptances`).
 */
export const CURRENT_TERMS_VERSION = '2026-12-03'

export type TermsAcceptance = { version: string; acceptedAt: Date }

export function hasAcceptedCurrentTerms(acceptances: readonly { version?: string | null }[] | null | undefined): boolean {
  return Boolean(acceptances?.some((acceptance) => acceptance.version === CURRENT_TERMS_VERSION))
}

/**
 * Pages a person may open before accepting the new terms: the legal texts themselves, signing
 * out, the language switch, and the page that exports or deletes their data (refusing the terms
 * must not take away the right to leave with one's data).
 */
const OPEN_BEFORE_ACCEPTANCE = ['/conditions-utilisation', '/mentions-legales', '/confidentialite', '/accessibilite', '/contact', '/deconnexion', '/langue', '/compte/donnees']

export function isOpenBeforeTermsAcceptance(pathname: string): boolean {
  return OPEN_BEFORE_ACCEPTANCE.some((path) => pathname === path || pathname.startsWith(`${path}/`) || pathname.startsWith(`${path}.`))
}
