import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from '~/http/safe-redirect'

describe('safeRedirectPath', () => {
  it.each([
    ['/', '/'],
    ['/besoins?domaine=ia', '/besoins?domaine=ia'],
    ['//evil.example/phish', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['', '/'],
    [undefined, '/'],
  ])('turns %j into %j', (input, expected) => {
    expect(safeRedirectPath.parse(input)).toBe(expected)
  })
})
