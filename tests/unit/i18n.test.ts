import { describe, expect, it } from 'vitest'
import { createI18n } from '~/i18n/config'
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
    expect(createI18n('fr').t('errors.notFoundTitle')).toBe('Page introuvable')
    expect(createI18n('en').t('errors.notFoundTitle')).toBe('Page not found')
    expect(createI18n('en').t('language.changed', { language: 'English' })).toBe('The interface language is now: English.')
  })
})
