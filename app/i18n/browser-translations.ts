import { defaultLanguage, isLanguage, type Language } from './config'
import { createTranslator, type TextTree, type Translator } from './translator'

/**
 * The translations a browser downloads: only its page's language, and only the areas its page's
 * modules use. Each module that shows an area's texts imports `~/i18n/areas/<area>`, whose
 * top-level await fetches that area's chunk; a route therefore renders once its texts are there,
 * on the first load (before hydration) as on a client-side navigation. The server holds every
 * area in memory (./translators.ts) and skips all this.
 */
export const translationAreas = [
  'common',
  'admin',
  'alerts',
  'auth',
  'brokerage',
  'legal',
  'mail',
  'map',
  'meetings',
  'messaging',
  'moderation',
  'needs',
  'notifications',
  'orgs',
  'projects',
  'proposals',
  'reporting',
  'search',
  'statistics',
  'territories',
] as const
export type TranslationArea = (typeof translationAreas)[number]

type AreaModule = Promise<{ default: TextTree }>
// Written out, not globbed: each import() is one chunk per language and area, and is type-checked.
const chunks: Record<Language, Record<TranslationArea, () => AreaModule>> = {
  fr: {
    common: () => import('./locales/fr/common'),
    admin: () => import('./locales/fr/admin'),
    alerts: () => import('./locales/fr/alerts'),
    auth: () => import('./locales/fr/auth'),
    brokerage: () => import('./locales/fr/brokerage'),
    legal: () => import('./locales/fr/legal'),
    mail: () => import('./locales/fr/mail'),
    map: () => import('./locales/fr/map'),
    meetings: () => import('./locales/fr/meetings'),
    messaging: () => import('./locales/fr/messaging'),
    moderation: () => import('./locales/fr/moderation'),
    needs: () => import('./locales/fr/needs'),
    notifications: () => import('./locales/fr/notifications'),
    orgs: () => import('./locales/fr/orgs'),
    projects: () => import('./locales/fr/projects'),
    proposals: () => import('./locales/fr/proposals'),
    reporting: () => import('./locales/fr/reporting'),
    search: () => import('./locales/fr/search'),
    statistics: () => import('./locales/fr/statistics'),
    territories: () => import('./locales/fr/territories'),
  },
  en: {
    common: () => import('./locales/en/common'),
    admin: () => import('./locales/en/admin'),
    alerts: () => import('./locales/en/alerts'),
    auth: () => import('./locales/en/auth'),
    brokerage: () => import('./locales/en/brokerage'),
    legal: () => import('./locales/en/legal'),
    mail: () => import('./locales/en/mail'),
    map: () => import('./locales/en/map'),
    meetings: () => import('./locales/en/meetings'),
    messaging: () => import('./locales/en/messaging'),
    moderation: () => import('./locales/en/moderation'),
    needs: () => import('./locales/en/needs'),
    notifications: () => import('./locales/en/notifications'),
    orgs: () => import('./locales/en/orgs'),
    projects: () => import('./locales/en/projects'),
    proposals: () => import('./locales/en/proposals'),
    reporting: () => import('./locales/en/reporting'),
    search: () => import('./locales/en/search'),
    statistics: () => import('./locales/en/statistics'),
    territories: () => import('./locales/en/territories'),
  },
}

/**
 * The areas downloaded so far, per language, and the page's translator over them. Switching
 * language downloads every area used so far in the new one first, then tells the page.
 */
export class BrowserTranslations {
  private readonly downloads = new Map<string, Promise<void>>()
  private readonly used = new Set<TranslationArea>()
  private readonly texts: Partial<Record<Language, TextTree>> = {}
  private readonly translators = new Map<Language, Translator>()
  private readonly listeners = new Set<() => void>()
  private language: Language = defaultLanguage
  private wanted: Language = defaultLanguage

  constructor(private readonly download: (language: Language, area: TranslationArea) => AreaModule = (language, area) => chunks[language][area]()) {}

  /** Downloads an area once per language; a failed download may be tried again (the next navigation). */
  load(area: TranslationArea, language: Language): Promise<void> {
    this.used.add(area)
    const key = `${language}:${area}`
    let done = this.downloads.get(key)
    if (!done) {
      done = this.download(language, area).then(
        ({ default: texts }) => {
          this.texts[language] = { ...this.texts[language], ...(area === 'common' ? texts : { [area]: texts }) }
        },
        (error: unknown) => {
          this.downloads.delete(key)
          throw error
        },
      )
      this.downloads.set(key, done)
    }
    return done
  }

  /** What has been downloaded in a language so far. */
  loaded(language: Language): TextTree | undefined {
    return this.texts[language]
  }

  /** The translator of the page's current language (the same object until the language changes). */
  readonly current = (): Translator => this.translatorFor(this.language)

  /** Hears of language changes (React's useSyncExternalStore). */
  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  /** The page's language at start, as the server wrote it. */
  start(language: Language) {
    this.language = this.wanted = language
  }

  /** Another language: every area used so far is downloaded in it first, then the page switches. */
  async switchLanguage(language: Language) {
    this.wanted = language
    await Promise.all([...this.used].map((area) => this.load(area, language)))
    // Two switches in a row: the last one asked wins, whichever download ends last.
    if (this.wanted !== language) return
    this.language = language
    for (const listener of this.listeners) listener()
  }

  private translatorFor(language: Language): Translator {
    let translator = this.translators.get(language)
    if (!translator) {
      // A text missing at render time (an area a module forgot to import) fails the end-to-end tests.
      translator = createTranslator(language, (each) => this.texts[each], { onMissing: (key) => console.error(`Missing translation: ${key}`) })
      this.translators.set(language, translator)
    }
    return translator
  }
}

export const browserTranslations = new BrowserTranslations()

/** The page's language, as the server wrote it on <html lang>. */
export function pageLanguage(): Language {
  const language = document.documentElement.lang
  return isLanguage(language) ? language : defaultLanguage
}

/** Used by `~/i18n/areas/<area>`: in the browser, waits for the area's texts; on the server, nothing to do. */
export function loadTranslationArea(area: TranslationArea): Promise<void> | undefined {
  if (typeof document === 'undefined') return undefined
  return browserTranslations.load(area, pageLanguage())
}
