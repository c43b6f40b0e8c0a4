import { describe, expect, it } from 'vitest'
import { contentMatches, lengthMatches } from '~/domain/messaging/file-content'

const bytes = (text: string) => new TextEncoder().encode(text)
const binaryStl = (triangles: number, header = 'binary STL from a CAD tool') => {
  const file = new Uint8Array(84 + 50 * triangles)
  file.set(bytes(header))
  new DataView(file.buffer).setUint32(80, triangles, true)
  return file
}
const igesStart = `${'Piece usinee, export IGES (ASCII, 80 columns)'.padEnd(72)}S      1\n`

describe('a file content looks like what its name says', () => {
  it.each([
    ['pdf', bytes('%PDF-1.7\n%âãÏÓ\n')],
    ['png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
    ['jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0])],
    ['docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14])],
    ['3mf', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14])],
    ['csv', bytes('poste;montant\r\nétude;1200\r\n')],
    ['txt', bytes('\uFEFFNotes de réunion\n\tpoint 1\n')],
    ['stl', bytes('solid support\n  facet normal 0 0 1\n')],
    ['stl', binaryStl(2)],
    ['step', bytes('ISO-10303-21;\nHEADER;\n')],
    ['stp', bytes('\uFEFF  ISO-10303-21;\nHEADER;\n')],
    ['iges', bytes(igesStart)],
    ['igs', bytes(igesStart)],
    ['dxf', bytes('  0\nSECTION\n  2\nHEADER\n')],
    ['dxf', bytes('AutoCAD Binary DXF\r\n\u001a\u0000')],
  ])('accepts a real %s', (extension, head) => {
    expect(contentMatches(extension, head)).toBe(true)
  })

  it.each([
    ['pdf', bytes('MZ\u0090\u0000 a Windows program')],
    ['png', bytes('<svg onload=alert(1)>')],
    ['jpg', bytes('%PDF-1.4')],
    ['docx', bytes('%PDF-1.4')],
    ['txt', new Uint8Array([0x4d, 0x5a, 0x00, 0x01])],
    ['csv', new Uint8Array([0x00, 0x61])],
    ['step', bytes('HEADER; not a STEP file')],
    ['iges', bytes('just some text without the IGES columns\n')],
    ['dxf', bytes('%PDF-1.4')],
    ['stl', bytes('too short')],
    ['exe', bytes('MZ')],
    ['pdf', new Uint8Array(0)],
  ])('refuses a %s whose content is something else', (extension, head) => {
    expect(contentMatches(extension, head)).toBe(false)
  })

  it('checks a binary STL against its triangle count once its length is known', () => {
    const stl = binaryStl(3)
    expect(lengthMatches('stl', stl.subarray(0, 84), stl.byteLength)).toBe(true)
    expect(lengthMatches('stl', stl.subarray(0, 84), stl.byteLength + 1)).toBe(false)
    expect(lengthMatches('stl', bytes('solid ascii'), 12_345)).toBe(true)
    expect(lengthMatches('pdf', bytes('%PDF-1.4'), 12_345)).toBe(true)
  })
})
