import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { assertSha256, EmbeddedBinaryError, sha256OfFile } from '../../server/embedded/binaries'

describe('binary verification', () => {
  it('computes the sha256 of a file', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'sha-')), 'bin')
    await writeFile(file, 'abc')
    expect(await sha256OfFile(file)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('refuses a binary whose hash differs, naming the variable to use instead', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'sha-')), 'mongod')
    await writeFile(file, 'tampered')
    const check = assertSha256(file, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 'MONGODB_URI')
    await expect(check).rejects.toThrowError(EmbeddedBinaryError)
    await expect(assertSha256(file, '00', 'MONGODB_URI')).rejects.toThrowError(/MONGODB_URI/)
  })
})
