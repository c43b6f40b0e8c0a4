import { dateTimeFormat } from '~/i18n/formats'
/** "3 décembre 2026" / "3 December 2026", in Paris time: what people read on legal pages and receipts. */
export function formatLongDate(date: Date | string, language: string): string {
  return dateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(date))
}
