import { describe, expect, it } from 'vitest'
import { alertMail, type AlertNeed } from '~/domain/alerts/mail'
import { defaultAlertName } from '~/domain/alerts/naming'
import { alertIsDue } from '~/domain/alerts/schedule'
import { createAlertSchema, savedSearchOf } from '~/domain/alerts/schema'
import { parseSearchQuery } from '~/domain/search/query'

/** Saved-search alerts, the pure parts: when they are due, their default name, the search they keep, their e-mail. */
describe('alertIsDue', () => {
  // 2026-12-07 is a Monday; Paris is UTC+1 in December.
  const mondayAt = (hourUtc: number) => new Date(Date.UTC(2026, 11, 7, hourUtc, 30))
  const tuesdayMorning = new Date(Date.UTC(2026, 11, 8, 7, 0))

  it('follows the digests: from 7:00 Paris time, weekly ones on Mondays, once per period, only while on', () => {
    expect(alertIsDue({ frequency: 'daily' }, mondayAt(5))).toBe(false) // 6:30 in Paris
    expect(alertIsDue({ frequency: 'daily' }, mondayAt(6))).toBe(true) // 7:30 in Paris
    expect(alertIsDue({ frequency: 'weekly' }, mondayAt(6))).toBe(true)
    expect(alertIsDue({ frequency: 'weekly' }, tuesdayMorning)).toBe(false)
    expect(alertIsDue({ frequency: 'daily' }, tuesdayMorning)).toBe(true)
    expect(alertIsDue({ frequency: 'daily', lastPeriod: '2026-12-07' }, mondayAt(20))).toBe(false)
    expect(alertIsDue({ frequency: 'daily', lastPeriod: '2026-12-07' }, tuesdayMorning)).toBe(true)
    expect(alertIsDue({ frequency: 'weekly', lastPeriod: '2026-W50' }, mondayAt(6))).toBe(false)
    expect(alertIsDue({ frequency: 'weekly', lastPeriod: '2026-W49' }, mondayAt(6))).toBe(true)
    expect(alertIsDue({ frequency: 'daily', enabled: false }, tuesdayMorning)).toBe(false)
  })
})

describe('the saved search', () => {
  it('is the search page’s query, parsed by its parser, without page or sort; organisations make no alert', () => {
    expect(savedSearchOf('?type=needs&q=cobot&domain=robotics&domain=nope&page=4&sort=recent&trl=12')).toMatchObject({ search: 'type=needs&q=cobot&domain=robotics' })
    expect(savedSearchOf('q=cobot')?.search).toBe('type=needs&q=cobot')
    expect(savedSearchOf('type=organisations&q=labo')).toBeNull()
    expect(savedSearchOf('region=<script>alert(1)</script>')?.search).toBe('type=needs')
  })

  it('refuses a name with a line break (it goes into e-mail subjects) or over 80 characters', () => {
    expect(createAlertSchema.safeParse({ name: 'Robots\r\nBcc: x@y.z', frequency: 'daily', search: '' }).error?.issues[0]?.message).toBe('alerts.errors.nameInvalid')
    expect(createAlertSchema.safeParse({ name: 'x'.repeat(81), frequency: 'daily', search: '' }).error?.issues[0]?.message).toBe('alerts.errors.nameTooLong')
    expect(createAlertSchema.safeParse({ frequency: 'hourly', search: '' }).error?.issues[0]?.message).toBe('alerts.errors.frequency')
  })
})

describe('defaultAlertName', () => {
  const name = (search: string, language: 'fr' | 'en' = 'fr') => defaultAlertName(parseSearchQuery(new URLSearchParams(search)), language, 'Tous les nouveaux besoins')

  it('says what the search is about, in the person’s language, or falls back', () => {
    expect(name('q=cobot&domain=robotics&territory=haut-jura')).toBe('cobot · Robotique & cobotique · Haut-Jura')
    expect(name('domain=robotics', 'en')).toBe('Robotics & cobots')
    expect(name('near=Saint-Claude&region=Occitanie')).toBe('Occitanie · Saint-Claude')
    expect(name('')).toBe('Tous les nouveaux besoins')
    expect(name(`q=${'mot '.repeat(40)}`)).toHaveLength(80)
  })
})

describe('alertMail', () => {
  const links = { publicUrl: 'https://passerelle.example', secret: 'un-secret-de-test-d-au-moins-trente-deux-caracteres' }
  const recipient = { id: '64b7f0c2a1b2c3d4e5f60718', email: 'remi@exemple.test', name: 'Rémi', language: 'fr' as const }
  const alert = { id: '64b7f0c2a1b2c3d4e5f60799', name: 'Cobots', search: 'type=needs&q=cobot', frequency: 'daily' as const }
  const needs: AlertNeed[] = [
    { id: 'a'.repeat(24), title: 'Palettiser <b>vite</b>', territory: 'haut-jura', region: 'Bourgogne-Franche-Comté', domains: ['robotics'] },
    { id: 'b'.repeat(24), title: 'Cobot de soudure', territory: null, region: 'Occitanie', domains: [] },
  ]

  it('lists each new need with its link, territory and domains, escaped, with the alert’s one-click unsubscribe', () => {
    const mail = alertMail(recipient, alert, needs, 2, '2026-12-07', links)
    expect(mail).toMatchObject({ to: 'remi@exemple.test', subject: '2 nouveaux besoins pour votre alerte « Cobots »', kind: 'alert.daily', language: 'fr', key: `alert:${alert.id}:2026-12-07` })
    expect(mail.text).toContain('Depuis hier, 2 nouveaux besoins correspondent à votre recherche :')
    expect(mail.text).toContain(`- Palettiser <b>vite</b> (Haut-Jura · Robotique & cobotique)\n  https://passerelle.example/besoins/${'a'.repeat(24)}`)
    expect(mail.text).toContain('- Cobot de soudure (Occitanie)')
    expect(mail.text).toContain('https://passerelle.example/recherche?type=needs&q=cobot&sort=recent')
    expect(mail.html).toContain('Palettiser &lt;b&gt;vite&lt;/b&gt;')
    expect(mail.html).not.toContain('<b>vite</b>')
    expect(mail.headers!['List-Unsubscribe']).toMatch(new RegExp(`^<https://passerelle\\.example/desabonnement/${recipient.id}\\.alert-${alert.id}\\.[\\w-]+>$`))
    expect(mail.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
  })

  it('is in the recipient’s language and says how many more are on the site', () => {
    const mail = alertMail({ ...recipient, language: 'en' }, { ...alert, frequency: 'weekly' }, needs.slice(0, 1), 25, '2026-W50', links)
    expect(mail.subject).toBe('25 new needs for your alert “Cobots”')
    expect(mail.text).toContain('This week, 25 new needs match your search:')
    expect(mail.text).toContain('And 24 more on the site.')
    expect(mail.html).toContain('<html lang="en">')
  })
})
