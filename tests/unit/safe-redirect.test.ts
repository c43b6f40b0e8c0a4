import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from '~/http/safe-redirect'
import { offSiteRedirects, sameSiteRedirects } from '../corpus/redirects'

describe('safeRedirectPath', () => {
  it.each(offSiteRedirects.map((input) => [input]))('sends %j to the home page', (input) => {
    expect(safeRedirectPath.parse(input)).toBe('/')
  })

  it.each(sameSiteRedirects)('keeps the same-site path %j as %j', (input, expected) => {
    expect(safeRedirectPath.parse(input)).toBe(expected)
  })

  it.each([[undefined], [null], [42], [['/compte']], ['/' + 'a'.repeat(2048)]])('sends %j to the home page', (input) => {
    expect(safeRedirectPath.parse(input)).toBe('/')
  })

  it('always answers something a Location header can carry (ASCII only)', () => {
    for (const input of [...offSiteRedirects, ...sameSiteRedirects.map(([value]) => value)]) {
      expect(safeRedirectPath.parse(input)).toMatch(/^\/[\x21-\x7e]*$/)
    }
  })
})
