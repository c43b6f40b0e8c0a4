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
 * translations are imported here: this module reaches the browser, which downloads only its
 * page's language and areas (./browser-translations.ts); the server has all (./translators.ts).
 * `reportMissing` (the browser): a text missing at render time — an area a module forgot to
 * import — is logged as an error, which fails the end-to-end tests.
 */
export function initI18n(language: Language, resources: Resource, { reportMissing = false } = {}): I18n {
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
    ...(reportMissing ? { saveMissing: true, missingKeyHandler: (_languages: readonly string[], _namespace: string, key: string) => console.error(`Missing translation: ${key}`) } : {}),
  })
  return instance
}
