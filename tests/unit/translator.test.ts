import { describe, expect, it } from 'vitest'
import type { Language } from '~/i18n/config'
import { createTranslator, type TextGroupKey, type TextTree, type TranslationKey, type TranslationValues } from '~/i18n/translator'
import { translatorFor } from '~/i18n/translators'
import fr from '~/i18n/locales/fr'

const texts: Record<Language, TextTree> = {
  fr: {
    needs: { count_one: '{{count}} besoin', count_other: '{{count}} besoins', age: '{{count}} jour', age_other: '{{count}} jours', onlyFrench: 'Seulement en français', greeting: 'Bonjour {{ name }}, {{name}} !' },
    journal: { actions: { 'need.hide': 'Besoin masqué', 'user.warn': 'Avertissement', need: { other: 'Autre' } } },
  },
  en: {
    needs: { count_one: '{{count}} need', count_other: '{{count}} needs', age: '{{count}} day', age_other: '{{count}} days', greeting: 'Hello {{name}}' },
  },
}

function translator(language: Language) {
  const missing: string[] = []
  const translator = createTranslator(language, (each) => texts[each], { onMissing: (key) => missing.push(key) })
  // Test texts are not the product's, so their keys are not TranslationKeys.
  const t = (key: string, values?: TranslationValues) => translator.t(key as TranslationKey, values)
  const group = (key: string) => translator.group(key as TextGroupKey)
  return { t, group, missing }
}

describe('translator', () => {
  it('picks the plural form of each language: French counts 0 as one, English as other', () => {
    const french = translator('fr')
    expect([0, 1, 2].map((count) => french.t('needs.count', { count }))).toEqual(['0 besoin', '1 besoin', '2 besoins'])
    const english = translator('en')
    expect([0, 1, 2].map((count) => english.t('needs.count', { count }))).toEqual(['0 needs', '1 need', '2 needs'])
  })

  it('reads the key itself as the singular when a text has only its other form beside it (moderation.age)', () => {
    expect([0, 1, 2].map((count) => translator('fr').t('needs.age', { count }))).toEqual(['0 jour', '1 jour', '2 jours'])
    expect([0, 1, 2].map((count) => translator('en').t('needs.age', { count }))).toEqual(['0 days', '1 day', '2 days'])
    expect(translatorFor('en').t('moderation.age', { count: 1 })).toBe('1 day')
    expect(translatorFor('fr').t('moderation.followUp.idle', { count: 1 })).not.toMatch(/jours/)
  })

  it('falls back on the other form when a language has a form the texts do not (French "many" for a million)', () => {
    expect(translator('fr').t('needs.count', { count: 1_000_000 })).toBe('1000000 besoins')
  })

  it('fills every slot, spaces allowed, and leaves an empty slot for a missing or null value', () => {
    expect(translator('fr').t('needs.greeting', { name: 'Camille' })).toBe('Bonjour Camille, Camille !')
    expect(translator('en').t('needs.greeting', { name: null })).toBe('Hello ')
    expect(translator('en').t('needs.greeting')).toBe('Hello {{name}}')
  })

  it('shows French where another language lacks a text, and reports nothing', () => {
    const english = translator('en')
    expect(english.t('needs.onlyFrench')).toBe('Seulement en français')
    expect(english.missing).toEqual([])
  })

  it('shows the key of a text found in no language, and reports it', () => {
    const english = translator('en')
    expect(english.t('needs.nowhere')).toBe('needs.nowhere')
    expect(english.t('needs')).toBe('needs')
    expect(english.missing).toEqual(['needs.nowhere', 'needs'])
  })

  it('gives a group of texts as a whole, and an empty group reported when missing', () => {
    const english = translator('en')
    expect(english.group('journal.actions')).toEqual({ 'need.hide': 'Besoin masqué', 'user.warn': 'Avertissement', need: { other: 'Autre' } })
    expect(english.group('journal.nothing')).toEqual({})
    expect(english.group('needs.greeting')).toEqual({})
    expect(english.t('needs.constructor')).toBe('needs.constructor')
    expect(english.missing).toEqual(['journal.nothing', 'needs.greeting', 'needs.constructor'])
    const sentences = english.group('journal.actions') as Record<string, unknown>
    sentences['need.hide'] = 'changed'
    expect(english.group('journal.actions')['need.hide']).toBe('Besoin masqué')
  })

  it('finds keys that hold dots themselves, as the audit journal’s actions do', () => {
    const french = translator('fr')
    expect(french.t('journal.actions.need.hide')).toBe('Besoin masqué')
    expect(french.t('journal.actions.need.other')).toBe('Autre')
    expect(french.t('journal.actions.need.nothing')).toBe('journal.actions.need.nothing')
    expect(translatorFor('fr').t('moderation.journal.actions.need.approve')).toBe(fr.moderation.journal.actions['need.approve'])
  })

  it('reads texts that arrive after it was made (the browser downloads areas as pages need them)', () => {
    const arriving: Partial<Record<Language, TextTree>> = {}
    const late = createTranslator('fr', (each) => arriving[each])
    expect(late.t('errors.notFoundTitle')).toBe('errors.notFoundTitle')
    arriving.fr = fr
    expect(late.t('errors.notFoundTitle')).toBe('Page introuvable')
  })

  it('translates the product texts with plurals on the server', () => {
    expect(translatorFor('fr').t('alerts.account.summary', { count: 1 })).toBe('1 alerte enregistrée (20 au plus).')
    expect(translatorFor('fr').t('alerts.account.summary', { count: 3 })).toBe('3 alertes enregistrées (20 au plus).')
  })
})
