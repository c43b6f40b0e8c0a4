import type { TFunction } from 'i18next'

/**
 * Schema and service errors are i18n keys ("auth.validation.emailTaken") so one schema serves
 * both languages; forms translate them here. Anything else (a message the server already
 * translated, with its values) is shown as it is.
 */
export function translateErrors(t: TFunction, errors: string[] | undefined): string[] | undefined {
  // The key is only known at run time, so the typed-key overloads of `t` cannot apply.
  const translate = t as unknown as (key: string) => string
  return errors?.map((error) => (/^auth\.[\w.]+$/.test(error) ? translate(error) : error))
}

/** Dates in messages are French-time wall clock, as the platform's users live by it. */
export function formatTime(date: Date, language: string) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(date)
}

export function formatDateTime(date: Date, language: string) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(date)
}
