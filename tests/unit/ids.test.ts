import { describe, expect, it } from 'vitest'
import { isObjectId, objectIdString } from '~/domain/ids'

describe('object ids from the outside', () => {
  it('accepts 24 hex digits in either case, nothing else', () => {
    expect(isObjectId('65a1b2c3d4e5f60718293a4b')).toBe(true)
    expect(isObjectId('65A1B2C3D4E5F60718293A4B')).toBe(true)
    for (const value of ['', '65a1b2c3d4e5f60718293a4', '65a1b2c3d4e5f60718293a4bc', '65a1b2c3d4e5f60718293a4g', '{"$ne":null}', 42, null, undefined]) {
      expect(isObjectId(value)).toBe(false)
    }
  })

  it('refuses a malformed id in a schema with the message given', () => {
    expect(objectIdString().safeParse('65a1b2c3d4e5f60718293a4b').success).toBe(true)
    expect(objectIdString('Choisissez une personne.').safeParse('nope').error?.issues[0]?.message).toBe('Choisissez une personne.')
    expect(objectIdString('Choisissez une personne.').safeParse(undefined).error?.issues[0]?.message).toBe('Choisissez une personne.')
  })
})
