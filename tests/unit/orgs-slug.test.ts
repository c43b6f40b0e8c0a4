import { describe, expect, it } from 'vitest'
import { firstFreeSlug, SLUG_MAX_LENGTH, slugify } from '~/domain/orgs/slug'

describe('organisation slugs', () => {
  it('are lower-case ASCII words joined by dashes', () => {
    expect(slugify('Laboratoire Chrono-environnement (UMR 6249)')).toBe('laboratoire-chrono-environnement-umr-6249')
    expect(slugify('  Pôle Véhicule du Futur  ')).toBe('pole-vehicule-du-futur')
    expect(slugify('Œuvres & Cœur d’Acier')).toBe('oeuvres-coeur-d-acier')
  })

  it('never come out empty or too long', () => {
    expect(slugify('!!!')).toBe('organisation')
    const long = slugify('Centre '.repeat(40))
    expect(long.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH)
    expect(long.endsWith('-')).toBe(false)
  })

  it('get a numbered suffix when taken', () => {
    expect(firstFreeSlug('cetim', [])).toBe('cetim')
    expect(firstFreeSlug('cetim', ['cetim'])).toBe('cetim-2')
    expect(firstFreeSlug('cetim', ['cetim', 'cetim-2', 'cetim-3'])).toBe('cetim-4')
    expect(firstFreeSlug('cetim', ['cetim', 'cetim-3'])).toBe('cetim-2')
  })

  it('never shadow a page of /organisations', () => {
    expect(firstFreeSlug(slugify('Nouvelle'), [])).toBe('nouvelle-2')
  })
})
