import { describe, expect, it } from 'vitest'
import { BrowserTranslations, translationAreas } from '~/i18n/browser-translations'
import { dateTimeFormat, numberFormat } from '~/i18n/formats'
import { translatorFor } from '~/i18n/translators'
import en from '~/i18n/locales/en'
import fr from '~/i18n/locales/fr'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') entries.set(path, value)
    else for (const [k, v] of flatten(value, path)) entries.set(k, v)
  }
  return entries
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort()

describe('translations', () => {
  const french = flatten(fr)
  const english = flatten(en)

  it('have the same keys in French and English', () => {
    expect([...english.keys()].sort()).toEqual([...french.keys()].sort())
  })

  it('have no empty text and the same placeholders in both languages', () => {
    for (const [key, text] of french) {
      expect(text.trim(), key).not.toBe('')
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text))
    }
  })

  it('serve French by default and English on request', () => {
    expect(translatorFor('fr').t('errors.notFoundTitle')).toBe('Page introuvable')
    expect(translatorFor('en').t('errors.notFoundTitle')).toBe('Page not found')
    expect(translatorFor('en').t('language.changed', { language: 'English' })).toBe('The interface language is now: English.')
  })
})

describe('translators', () => {
  it('are made once per language per process on the server', () => {
    expect(translatorFor('fr')).toBe(translatorFor('fr'))
    expect(translatorFor('en')).not.toBe(translatorFor('fr'))
    expect(translatorFor('fr').language).toBe('fr')
  })

  it('give the browser only its language and the areas its page uses', async () => {
    const browser = new BrowserTranslations()
    await Promise.all([browser.load('common', 'en'), browser.load('needs', 'en')])
    browser.start('en')
    expect(browser.loaded('fr')).toBeUndefined()
    expect(browser.current().t('errors.notFoundTitle')).toBe('Page not found')
    expect(browser.loaded('en')?.needs).toEqual(en.needs)
    expect(browser.loaded('en')?.orgs).toBeUndefined()
  })

  it('read an area downloaded later, and switch language with every area used, telling the page once it is there', async () => {
    const browser = new BrowserTranslations()
    await browser.load('common', 'en')
    browser.start('en')
    const english = browser.current()
    await browser.load('orgs', 'en')
    expect(english.t('orgs.sizes.pme')).toBe(en.orgs.sizes.pme)
    const told: string[] = []
    browser.subscribe(() => told.push(browser.current().language))
    const switching = browser.switchLanguage('fr')
    expect(browser.current()).toBe(english)
    await switching
    expect(told).toEqual(['fr'])
    expect(browser.current().t('errors.notFoundTitle')).toBe('Page introuvable')
    expect(browser.loaded('fr')?.orgs).toEqual(fr.orgs)
    expect(browser.loaded('fr')?.needs).toBeUndefined()
  })

  it('switch to the language asked last when two switches overlap, whichever download ends last', async () => {
    const arrivals = new Map<string, () => void>()
    const browser = new BrowserTranslations((language, area) => new Promise((resolve) => arrivals.set(`${language}:${area}`, () => resolve({ default: { [`${language}Text`]: language } }))))
    browser.start('fr')
    void browser.load('common', 'fr')
    arrivals.get('fr:common')!()
    const toEnglish = browser.switchLanguage('en')
    const backToFrench = browser.switchLanguage('fr')
    await backToFrench
    arrivals.get('en:common')!()
    await toEnglish
    expect(browser.current().language).toBe('fr')
  })

  it('cover every text: all areas downloaded make the whole language', async () => {
    const browser = new BrowserTranslations()
    await Promise.all(translationAreas.map((area) => browser.load(area, 'fr')))
    expect(browser.loaded('fr')).toEqual(fr)
  })

  it('download an area once, and again after a failed download', async () => {
    const downloads: string[] = []
    let failNext = true
    const browser = new BrowserTranslations(async (language, area) => {
      downloads.push(`${language}:${area}`)
      if (failNext) {
        failNext = false
        throw new Error('offline')
      }
      return { default: { title: area } }
    })
    await expect(browser.load('needs', 'fr')).rejects.toThrow('offline')
    await browser.load('needs', 'fr')
    await browser.load('needs', 'fr')
    expect(downloads).toEqual(['fr:needs', 'fr:needs'])
    expect(browser.loaded('fr')).toEqual({ needs: { title: 'needs' } })
  })
})

describe('formatters', () => {
  it('are made once per locale and options, and format as Intl does', () => {
    const options = { dateStyle: 'long', timeZone: 'Europe/Paris' } as const
    expect(dateTimeFormat('fr-FR', options)).toBe(dateTimeFormat('fr-FR', { ...options }))
    expect(dateTimeFormat('fr-FR', options).format(new Date('2026-12-03T10:00:00Z'))).toBe('3 décembre 2026')
    expect(numberFormat('en-GB', { style: 'percent' })).not.toBe(numberFormat('fr-FR', { style: 'percent' }))
  })
})
