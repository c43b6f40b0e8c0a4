import { defaultLanguage, type Language } from './config'
import type fr from './locales/fr'

/**
 * Our translation runtime (docs/decisions/036-own-translation-runtime.md): dotted keys into the
 * French texts' shape, `{{name}}` values, plural forms chosen by Intl.PluralRules (`key_one`,
 * `key_other`…), French when a text is missing in another language. That is all the product
 * uses, in about 1 kB for the browser instead of i18next's 16 kB.
 */
export type TextTree = { readonly [key: string]: string | TextTree }

const pluralSuffixes = ['zero', 'one', 'two', 'few', 'many', 'other'] as const
type WithoutPluralSuffix<K extends string> = K extends `${infer Base}_${(typeof pluralSuffixes)[number]}` ? Base | K : K

/** Every text's key, as written in code: `needs.list.count` for `needs.list.count_one` / `_other`. */
type TextKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? WithoutPluralSuffix<`${Prefix}${K}`> : TextKeys<T[K], `${Prefix}${K}.`>
}[keyof T & string]
/** Every group of texts' key (a list shown as a whole, such as the audit journal's sentences). */
type GroupKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? never : `${Prefix}${K}` | GroupKeys<T[K], `${Prefix}${K}.`>
}[keyof T & string]

export type TranslationKey = TextKeys<typeof fr>
export type TextGroupKey = GroupKeys<typeof fr>
/** The values a sentence's `{{name}}` slots take; `count` also picks the plural form. */
export type TranslationValues = Readonly<Record<string, string | number | null | undefined>>
export type Translate = (key: TranslationKey, values?: TranslationValues) => string

export interface Translator {
  readonly language: Language
  readonly t: Translate
  /** A group of texts as a whole (keys to sentences), or an empty group when it is missing. */
  group(key: TextGroupKey): Readonly<Record<string, string>>
}

/** Where a translator reads its texts: they may still be arriving (the browser downloads areas). */
export type TextSource = (language: Language) => TextTree | undefined

const pluralRules = new Map<Language, Intl.PluralRules>()
function pluralFormOf(language: Language, count: number): string {
  let rules = pluralRules.get(language)
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)))
  return rules.select(count)
}

/** Keys of a group may hold dots themselves (the journal's actions: `need.approve`). */
function find(tree: TextTree | undefined, key: string): string | TextTree | undefined {
  return tree === undefined ? undefined : findParts(tree, key.split('.'), 0)
}

function findParts(node: TextTree, parts: readonly string[], from: number): string | TextTree | undefined {
  for (let to = from + 1; to <= parts.length; to++) {
    const part = to === from + 1 ? parts[from]! : parts.slice(from, to).join('.')
    // Own texts only: never `constructor` or `toString` from the prototype.
    if (!Object.hasOwn(node, part)) continue
    const child = node[part]!
    if (to === parts.length) return child
    if (typeof child !== 'string') {
      const found = findParts(child, parts, to)
      if (found !== undefined) return found
    }
  }
  return undefined
}

const slot = /\{\{\s*([\w.-]+)\s*\}\}/g
function fill(text: string, values: TranslationValues | undefined): string {
  if (!values) return text
  return text.replace(slot, (_all, name: string) => String(values[name] ?? ''))
}

/**
 * A translator for one language. `onMissing` hears of a key found in no language (the browser
 * logs it as an error, which fails the end-to-end tests); the key itself is shown.
 */
export function createTranslator(language: Language, source: TextSource, { onMissing }: { onMissing?: (key: string) => void } = {}): Translator {
  const languages = language === defaultLanguage ? [language] : [language, defaultLanguage]

  function text(key: string, count: unknown): string | undefined {
    for (const each of languages) {
      const tree = source(each)
      // As i18next: the count's form, then the key itself (some texts write their singular there, with
      // only `_other` beside it); then `_other` for a form the texts lack (French `many`, a million).
      const candidates = typeof count === 'number' ? [`${key}_${pluralFormOf(each, count)}`, key, `${key}_other`] : [key]
      for (const candidate of candidates) {
        const found = find(tree, candidate)
        if (typeof found === 'string') return found
      }
    }
    return undefined
  }

  const t: Translate = (key, values) => {
    const found = text(key, values?.count)
    if (found === undefined) {
      onMissing?.(key)
      return key
    }
    return fill(found, values)
  }

  return {
    language,
    t,
    group(key) {
      for (const each of languages) {
        const found = find(source(each), key)
        // A copy: on the server the texts are shared by every request.
        if (found !== undefined && typeof found !== 'string') return { ...found } as Readonly<Record<string, string>>
      }
      onMissing?.(key)
      return {}
    },
  }
}
