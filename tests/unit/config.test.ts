import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/config'

describe('loadConfig', () => {
  it('falls back to embedded servers and port 3000 when nothing is set', () => {
    const config = loadConfig({}, '/srv/app')
    expect(config.PORT).toBe(3000)
    expect(config.MONGODB_URI).toBeUndefined()
    expect(config.MEILI_URL).toBeUndefined()
    expect(config.dataDir).toBe(path.resolve('/srv/app', '.data'))
    expect(config.isProduction).toBe(false)
  })

  it('treats empty URLs as unset, as a copied .env.example leaves them', () => {
    const config = loadConfig({ MONGODB_URI: '', MEILI_URL: '', MEILI_MASTER_KEY: '' })
    expect(config.MONGODB_URI).toBeUndefined()
    expect(config.MEILI_URL).toBeUndefined()
  })

  it('keeps external server settings', () => {
    const config = loadConfig({
      MONGODB_URI: 'mongodb+srv://user:pw@cluster.example/passerelle',
      MEILI_URL: 'https://search.example',
      MEILI_MASTER_KEY: 'a-master-key-of-24-chars',
      NODE_ENV: 'production',
    })
    expect(config.MONGODB_URI).toContain('mongodb+srv://')
    expect(config.MEILI_URL).toBe('https://search.example')
    expect(config.isProduction).toBe(true)
  })

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ MONGODB_URI: 'postgres://localhost' }, 'MONGODB_URI'],
    [{ MEILI_URL: 'not a url' }, 'MEILI_URL'],
    [{ MEILI_MASTER_KEY: 'short' }, 'MEILI_MASTER_KEY'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ PASSERELLE_PUBLIC_URL: 'https://passerelle.example.fr/app' }, 'PASSERELLE_PUBLIC_URL'],
    [{ PASSERELLE_ALLOWED_HOSTS: 'http://passerelle.example.fr' }, 'PASSERELLE_ALLOWED_HOSTS'],
    [{ PASSERELLE_ALLOWED_HOSTS: 'passerelle.example.fr/x' }, 'PASSERELLE_ALLOWED_HOSTS'],
    [{ PASSERELLE_ALLOWED_HOSTS: ' , ' }, 'PASSERELLE_ALLOWED_HOSTS'],
  ])('refuses %j with an error naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError)
    expect(() => loadConfig(env)).toThrowError(new RegExp(`${variable}:`))
  })

  it('allows localhost on PORT by default, the public URL’s host when it is set, or the listed hosts', () => {
    expect(loadConfig({ PORT: '4000' }).allowedHosts).toEqual(['localhost:4000', '127.0.0.1:4000'])
    expect(loadConfig({ PASSERELLE_PUBLIC_URL: 'https://passerelle.example.fr' }).allowedHosts).toEqual(['passerelle.example.fr'])
    expect(loadConfig({ PASSERELLE_ALLOWED_HOSTS: 'Passerelle.Intranet, 10.0.0.5:8080' }).allowedHosts).toEqual(['passerelle.intranet', '10.0.0.5:8080'])
  })

  it('refuses an unknown PASSERELLE_ variable, so a typo never passes silently', () => {
    expect(() => loadConfig({ PASSERELLE_DATADIR: '/tmp/x' })).toThrowError(/PASSERELLE_DATADIR: variable inconnue/)
  })

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' })
      expect.unreachable()
    } catch (error) {
      expect(String(error)).toMatch(/PORT/)
      expect(String(error)).toMatch(/LOG_LEVEL/)
    }
  })
})
