import { dateTimeFormat } from '~/i18n/formats'
/** Dates in messages are French-time wall clock, as the platform's users live by it. */
export function formatTime(date: Date, language: string) {
  return dateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(date)
}

export function formatDateTime(date: Date, language: string) {
  return dateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(date)
}
