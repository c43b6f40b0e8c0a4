import { createInstance, type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './locales/en'
import fr from './locales/fr'

export const supportedLanguages = ['fr', 'en'] as const
export type Language = (typeof supportedLanguages)[number]
export const defaultLanguage: Language = 'fr'

export const resources = { fr: { translation: fr }, en: { translation: en } }

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value)
}

/** Both locales are small and bundled, so initialisation is synchronous on server and client. */
export function createI18n(language: Language): I18n {
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
