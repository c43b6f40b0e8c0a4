import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AVATAR_HUES, avatarHue, initialsOf } from '~/ui/avatar'

describe('generated avatars', () => {
  it('show the initials of a person or an organisation', () => {
    expect(initialsOf('Claire Martin')).toBe('CM')
    expect(initialsOf('Jean-Baptiste de la Tour')).toBe('JT')
    expect(initialsOf('Laboratoire d’Innovation des Matériaux')).toBe('LM')
    expect(initialsOf('élodie')).toBe('ÉL')
    expect(initialsOf('  ')).toBe('?')
  })

  it('give the same id the same colour, and spread ids over the palette', () => {
    expect(avatarHue('64b7f0c2a1b2c3d4e5f60718')).toBe(avatarHue('64b7f0c2a1b2c3d4e5f60718'))
    const hues = new Set(Array.from({ length: 200 }, (_, index) => avatarHue(`id-${index}`)))
    expect([...hues].every((hue) => hue >= 0 && hue < AVATAR_HUES)).toBe(true)
    expect(hues.size).toBe(AVATAR_HUES)
  })

  it('every colour of the palette keeps white initials readable (contrast ≥ 4.5:1)', () => {
    const css = readFileSync(path.resolve(__dirname, '../../app/styles/app.css'), 'utf8')
    const colours = [...css.matchAll(/\.avatar-hue-(\d+) \{ background: #([0-9a-f]{6}); \}/g)].map((match) => ({ hue: Number(match[1]), hex: match[2]! }))
    expect(colours.map(({ hue }) => hue)).toEqual(Array.from({ length: AVATAR_HUES }, (_, index) => index))
    const luminance = (hex: string) => {
      const [r, g, b] = [0, 2, 4].map((at) => {
        const channel = parseInt(hex.slice(at, at + 2), 16) / 255
        return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    for (const { hex } of colours) expect((1 + 0.05) / (luminance(hex) + 0.05), `#${hex}`).toBeGreaterThanOrEqual(4.5)
  })
})
