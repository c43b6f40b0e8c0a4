import type { Translate, TranslationKey } from '~/i18n/translator'

/**
 * The one refusal language (docs/decisions/019-one-refusal-language.md): what a service, a schema
 * or a socket handler says to a person is an i18n key ("needs.refusals.notEditable"), with the
 * values its sentence needs written after a `?` ("orgs.errors.communeNotFound?query=Dol"). Only
 * the edge — a page, a form field, a socket ack — turns it into words, in the reader's language.
 */
const i18nMessage = /^([a-z]+(?:\.[\w-]+)+)(?:\?(\S*))?$/

/** A key with the values its sentence needs: `withValues('projects.errors.titleTooLong', { max: 120 })`. */
export function withValues(key: string, values: Record<string, string | number>): string {
  return `${key}?${new URLSearchParams(Object.entries(values).map(([name, value]) => [name, String(value)]))}`
}

/**
 * A message in words. Anything that is not a key — a sentence already in words, text from
 * elsewhere — is shown as it is (a sentence has spaces, so it never looks like a key).
 */
export function translateMessage(t: Translate, message: string): string {
  const match = i18nMessage.exec(message)
  if (!match) return message
  const values = match[2] === undefined ? undefined : Object.fromEntries(new URLSearchParams(match[2]))
  // Known only at run time: a key missing from the texts is shown as it is, and reported in the browser.
  return t(match[1] as TranslationKey, values)
}

export function translateMessages(t: Translate, messages: string[] | undefined): string[] | undefined {
  return messages?.map((message) => translateMessage(t, message))
}

/** Errors keyed by field name, as services raise them (DomainError.fieldErrors). */
export function translateFieldErrors(t: Translate, fieldErrors: Record<string, string[]> | undefined): Record<string, string[]> | undefined {
  if (!fieldErrors) return undefined
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map((message) => translateMessage(t, message))]))
}
