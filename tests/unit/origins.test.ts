import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config'
import { appOrigins } from '../../server/http/origins'

describe('appOrigins', () => {
  describe('without a public URL: localhost on the app’s port by default', () => {
    const origins = appOrigins(loadConfig({ PORT: '3217' }))

    it.each(['localhost:3217', '127.0.0.1:3217', 'LOCALHOST:3217'])('allows the host %s', (host) => {
      expect(origins.isAllowedHost(host)).toBe(true)
    })

    it.each(['evil.example', 'localhost:3218', 'localhost', 'localhost.evil.example:3217', 'evil.example#@localhost:3217', 'localhost:3217/x', '', undefined, null])(
      'refuses the host %j',
      (host) => {
        expect(origins.isAllowedHost(host)).toBe(false)
      },
    )

    it('builds links on the host the request came to, when it is allowed', () => {
      expect(origins.linkOrigin({ protocol: 'http', host: 'localhost:3217' })).toBe('http://localhost:3217')
      expect(origins.linkOrigin({ protocol: 'https', host: '127.0.0.1:3217' })).toBe('https://127.0.0.1:3217')
    })

    it('never builds a link on a host that is not allowed', () => {
      expect(origins.linkOrigin({ protocol: 'http', host: 'evil.example' })).toBe('http://localhost:3217')
      expect(origins.linkOrigin({ protocol: 'javascript', host: 'evil.example' })).toBe('http://localhost:3217')
    })

    it.each([
      ['http://localhost:3217', true],
      ['https://localhost:3217', true],
      ['http://127.0.0.1:3217', true],
      ['http://evil.example', false],
      ['http://localhost:3217.evil.example', false],
      ['http://localhost:9999', false],
      ['null', false],
      ['file://', false],
      ['ws://localhost:3217', false],
      ['http://localhost:3217/path', false],
      ['http://user@localhost:3217', false],
      [undefined, false],
    ])('answers for the origin %j: %j', (origin, allowed) => {
      expect(origins.isAllowedOrigin(origin)).toBe(allowed)
    })
  })

  describe('with a public URL', () => {
    const origins = appOrigins(loadConfig({ PASSERELLE_PUBLIC_URL: 'https://passerelle.example.fr' }))

    it('always builds links on it, whatever the request named', () => {
      expect(origins.linkOrigin({ protocol: 'http', host: 'passerelle.example.fr' })).toBe('https://passerelle.example.fr')
      expect(origins.linkOrigin({ protocol: 'http', host: 'evil.example' })).toBe('https://passerelle.example.fr')
    })

    it('allows its host and origin only', () => {
      expect(origins.isAllowedHost('passerelle.example.fr')).toBe(true)
      expect(origins.isAllowedHost('localhost:3000')).toBe(false)
      expect(origins.isAllowedOrigin('https://passerelle.example.fr')).toBe(true)
      expect(origins.isAllowedOrigin('https://evil.example')).toBe(false)
    })
  })

  describe('with PASSERELLE_ALLOWED_HOSTS', () => {
    const origins = appOrigins(loadConfig({ PASSERELLE_ALLOWED_HOSTS: 'passerelle.intranet, 10.0.0.5:8080, [::1]' }))

    it('a name without a port is allowed on any port, a name with one on that port only', () => {
      expect(origins.isAllowedHost('passerelle.intranet')).toBe(true)
      expect(origins.isAllowedHost('passerelle.intranet:8443')).toBe(true)
      expect(origins.isAllowedHost('10.0.0.5:8080')).toBe(true)
      expect(origins.isAllowedHost('10.0.0.5:8081')).toBe(false)
      expect(origins.isAllowedHost('[::1]:3000')).toBe(true)
      expect(origins.isAllowedHost('localhost:3000')).toBe(false)
    })
  })
})
