import { describe, expect, it } from 'vitest'
import { CURRENT_TERMS_VERSION, hasAcceptedCurrentTerms, isOpenBeforeTermsAcceptance } from '~/domain/legal/terms'

describe('terms of use acceptance', () => {
  it('counts only an acceptance of the current version', () => {
    expect(hasAcceptedCurrentTerms([{ version: CURRENT_TERMS_VERSION }])).toBe(true)
    expect(hasAcceptedCurrentTerms([{ version: '2020-01-01' }, { version: CURRENT_TERMS_VERSION }])).toBe(true)
    expect(hasAcceptedCurrentTerms([{ version: '2020-01-01' }])).toBe(false)
    expect(hasAcceptedCurrentTerms([])).toBe(false)
    expect(hasAcceptedCurrentTerms(undefined)).toBe(false)
  })

  it('leaves the legal pages, signing out and one’s data open before acceptance, nothing else', () => {
    for (const open of ['/conditions-utilisation', '/confidentialite', '/mentions-legales', '/accessibilite', '/contact', '/deconnexion', '/langue', '/compte/donnees', '/compte/donnees.json']) {
      expect(isOpenBeforeTermsAcceptance(open), open).toBe(true)
    }
    for (const closed of ['/', '/compte', '/besoins', '/messages/abc', '/conditions-utilisationx', '/compte/donneesx', '/recherche']) {
      expect(isOpenBeforeTermsAcceptance(closed), closed).toBe(false)
    }
  })
})
