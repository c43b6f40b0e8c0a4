import type { TFunction } from 'i18next'

/**
 * Schema and service messages are i18n keys ("needs.refusals.notEditable") so one rule serves
 * both languages; the page translates them here. Anything else — a sentence the server already
 * translated, with its values — is shown as it is (a sentence has spaces, so it never looks like a key).
 */
const i18nKey = /^[a-z]+(\.[\w-]+)+$/

export function translateMessage(t: TFunction, message: string): string {
  // The key is only known at run time, so the typed-key overloads of `t` cannot apply.
  return i18nKey.test(message) ? (t as unknown as (key: string) => string)(message) : message
}

export function translateMessages(t: TFunction, messages: string[] | undefined): string[] | undefined {
  return messages?.map((message) => translateMessage(t, message))
}

/** Errors keyed by field name, as services raise them (DomainError.fieldErrors). */
export function translateFieldErrors(t: TFunction, fieldErrors: Record<string, string[]> | undefined): Record<string, string[]> | undefined {
  if (!fieldErrors) return undefined
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map((message) => translateMessage(t, message))]))
}
