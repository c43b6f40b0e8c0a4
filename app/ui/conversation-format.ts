import { dateTimeFormat } from '~/i18n/formats'
import type { Translate } from '~/i18n/translator'
import type { AckError } from '~/realtime/events'
import '~/i18n/areas/messaging'

/** Dates in messages: Paris time on server and browser alike, so hydration always matches. */
export function formatMessageDate(iso: string, language: string) {
  return dateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso))
}

const ackErrorKeys: Partial<Record<AckError['code'], string>> = {
  rate_limited: 'messaging.errors.rateLimited',
  unavailable: 'messaging.errors.unavailable',
  not_found: 'messaging.errors.notFound',
  unauthenticated: 'messaging.errors.unauthenticated',
  forbidden: 'messaging.errors.notAuthor',
}

export function ackErrorText(t: Translate, error: AckError): string {
  return t((ackErrorKeys[error.code] ?? 'messaging.errors.generic') as never)
}

/** A send id: crypto.randomUUID is missing outside secure contexts (plain http), getRandomValues is not. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('')
}
