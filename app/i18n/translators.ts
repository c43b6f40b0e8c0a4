import type { Language } from './config'
import en from './locales/en'
import fr from './locales/fr'
import { createTranslator, type TextTree, type Translator } from './translator'

export const resources: Record<Language, TextTree> = { fr, en }

/**
 * The server's translator for a language: one per language per process, shared by every request,
 * e-mail and refusal in that language. The server holds every area in memory; the browser
 * downloads only its page's language and areas (./browser-translations.ts).
 */
const translators = new Map<Language, Translator>()
export function translatorFor(language: Language): Translator {
  let translator = translators.get(language)
  if (!translator) translators.set(language, (translator = createTranslator(language, (each) => resources[each])))
  return translator
}
