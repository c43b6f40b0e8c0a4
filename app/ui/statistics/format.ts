import type { Translate } from '~/i18n/translator'
import { dateTimeFormat, numberFormat } from '~/i18n/formats'
import '~/i18n/areas/statistics'

/** How the statistics' cells read: « moins de 3 » for a masked count, a dash for no value. */
export type ShownValue = number | string | null
const locale = (language: string) => (language === 'en' ? 'en-GB' : 'fr-FR')

export function monthLabel(key: string, language: string): string {
  const [year, month] = key.split('-').map(Number)
  return dateTimeFormat(locale(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year!, month! - 1, 1)))
}

export function countText(value: ShownValue, t: Translate): string {
  if (typeof value === 'number') return String(value)
  return value === null ? t('statistics.values.none') : t('statistics.values.fewerThanThree')
}

export function shareText(share: ShownValue, count: ShownValue, t: Translate, language: string): string {
  if (typeof share !== 'number' || typeof count !== 'number') return countText(typeof share === 'number' ? count : share, t)
  return t('statistics.values.shareOf', { share: numberFormat(locale(language), { style: 'percent', maximumFractionDigits: 0 }).format(share), count })
}

export function hoursText(hours: ShownValue, t: Translate, language: string): string {
  if (typeof hours !== 'number') return countText(hours, t)
  return t('statistics.values.hours', { hours: numberFormat(locale(language), { maximumFractionDigits: 0 }).format(hours) })
}
