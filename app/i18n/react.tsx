import { createContext, useContext, type ReactNode } from 'react'
import type { Translate, Translator } from './translator'

const TranslatorContext = createContext<Translator | null>(null)

/** The page's translator: the server's for its language, the browser's (./browser-translations.ts). */
export function TranslatorProvider({ translator, children }: { translator: Translator; children: ReactNode }) {
  return <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>
}

/** `t` for texts, `i18n` for the page's language (and groups of texts). */
export function useTranslation(): { t: Translate; i18n: Translator } {
  const translator = useContext(TranslatorContext)
  if (!translator) throw new Error('useTranslation outside TranslatorProvider')
  return { t: translator.t, i18n: translator }
}
