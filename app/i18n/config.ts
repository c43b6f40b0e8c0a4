import { createInstance, type i18n as I18n, type Resource } from 'i18next'
import { initReactI18next } from 'react-i18next'

export const supportedLanguages = ['fr', 'en'] as const
export type Language = (typeof supportedLanguages)[number]
export const defaultLanguage: Language = 'fr'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value)
}

/**
 * An i18next instance over resources already in memory, so initialisation is synchronous. No
 * translations are imported here: this module reaches the browser, which loads only its page's
 * language (./client-translations.ts); the server has both (./translators.ts).
 */
export function initI18n(language: Language, resources: Resource): I18n {
  const instance = createInstance()
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: [...supportedLanguages],
    resources,
    initImmediate: false,
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: false },
    showSupportNotice: false,
  })
  return instance
}
