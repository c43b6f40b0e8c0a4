import type { i18n as I18n } from 'i18next'
import { initI18n, type Language } from './config'
import en from './locales/en'
import fr from './locales/fr'

export const resources = { fr: { translation: fr }, en: { translation: en } }

/**
 * The server's i18next instance for a language: one per language per process, shared by every
 * request, e-mail and refusal in that language (creating one costs more than rendering a small
 * page). Nothing may change an instance's language: it is never handed to code that does.
 */
const instances = new Map<Language, I18n>()
export function createI18n(language: Language): I18n {
  let instance = instances.get(language)
  if (!instance) instances.set(language, (instance = initI18n(language, resources)))
  return instance
}
