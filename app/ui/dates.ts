/** "3 décembre 2026" / "3 December 2026", in Paris time: what people read on legal pages and receipts. */
export function formatLongDate(date: Date | string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(date))
}
