import type { i18n as I18n } from 'i18next'
import type { Language } from './config'
import type { Translations } from './locales/fr'

/**
 * The browser downloads the translations of its page's language only, each language in its own
 * chunk (translations-fr / translations-en), fetched when needed.
 */
export async function loadTranslations(language: Language): Promise<Translations> {
  return language === 'en' ? (await import('./locales/translations-en')).default : (await import('./locales/translations-fr')).default
}

/** Switches a browser's instance to another language, fetching its translations first. */
export async function switchLanguage(i18n: I18n, language: Language) {
  if (!i18n.hasResourceBundle(language, 'translation')) i18n.addResourceBundle(language, 'translation', await loadTranslations(language))
  await i18n.changeLanguage(language)
}
