import { describe, expect, it } from 'vitest'
import { institutionalServices } from '~/domain/needs/aides-catalogue'
import { demoTerritories } from '~/domain/places/territories'
import { territoriesByRegion, territoryBySlug, territoryFilieres } from '~/domain/territories/catalogue'
import { answeredInTime, answeredShare, ANSWER_WINDOW_DAYS } from '~/domain/territories/figures'
import { availableGuichetSteps, guichetStatuses, guichetSteps, planGuichetStep, type GuichetStatus } from '~/domain/territories/guichet-lifecycle'
import { guichetTokenMatches, guichetTokenRequestId, signGuichetToken } from '~/domain/territories/guichet-link'
import { guestContactSchema, guichetActionSchema, memberContactSchema } from '~/domain/territories/guichet-schema'
import { territoryAides } from '~/domain/territories/page.server'

const DAY = 24 * 60 * 60 * 1000
const published = new Date('2026-11-02T09:00:00Z')

describe('the territory catalogue', () => {
  it('finds a territory by its slug, and nothing for anything else', () => {
    expect(territoryBySlug('haut-jura')?.name).toBe('Haut-Jura')
    for (const bad of ['inconnu', 'HAUT-JURA', '', '../haut-jura', 42, null, 'haut-jura ']) expect(territoryBySlug(bad)).toBeNull()
  })

  it('groups every territory by region, regions and names in French order', () => {
    const groups = territoriesByRegion()
    expect(groups.map((group) => group.region)).toEqual(['Bourgogne-Franche-Comté', 'Occitanie', 'Pays de la Loire'])
    expect(groups.flatMap((group) => group.territories)).toHaveLength(demoTerritories.length)
    const loire = groups[2]!.territories.map((territory) => territory.name)
    expect(loire).toEqual([...loire].sort((a, b) => a.localeCompare(b, 'fr')))
  })

  it('names filières with taxonomy ids: its own first, then those its organisations serve, once each', () => {
    expect(territoryFilieres(territoryBySlug('haut-jura')!, ['lunetterie', 'sante', 'not-a-filiere'])).toEqual(['lunetterie', 'plasturgie-caoutchouc', 'horlogerie', 'sante'])
  })

  it('offers national services and those of its region only', () => {
    const occitanie = territoryAides(institutionalServices, '76')
    expect(occitanie.every((service) => service.regions === 'national' || service.regions.includes('76'))).toBe(true)
    expect(occitanie.length).toBeGreaterThan(territoryAides(institutionalServices, null).length - 1)
    expect(territoryAides(institutionalServices, null).every((service) => service.regions === 'national')).toBe(true)
  })
})

describe('the share of needs answered within 5 days', () => {
  it('counts a first proposal up to exactly 5 days after publication, not a second later', () => {
    expect(ANSWER_WINDOW_DAYS).toBe(5)
    expect(answeredInTime(published, new Date(published.getTime() + 5 * DAY))).toBe(true)
    expect(answeredInTime(published, new Date(published.getTime() + 5 * DAY + 1000))).toBe(false)
    expect(answeredInTime(published, null)).toBe(false)
  })

  it('is answered over published, and no figure at all without a published need', () => {
    expect(answeredShare({ published: 4, answeredInTime: 3 })).toBe(0.75)
    expect(answeredShare({ published: 3, answeredInTime: 0 })).toBe(0)
    expect(answeredShare({ published: 0, answeredInTime: 0 })).toBeNull()
  })
})

describe('the guichet request state machine', () => {
  const member = { hasAccount: true, hasCompany: true }
  const guest = { hasAccount: false, hasCompany: false }

  it('lets a guest request into the queue only through verification', () => {
    expect(planGuichetStep('awaiting_verification', 'verify', guest)).toEqual({ ok: true, from: 'awaiting_verification', to: 'open' })
    for (const step of ['answer', 'route', 'draft_need'] as const) expect(planGuichetStep('awaiting_verification', step, member)).toEqual({ ok: false, reason: 'wrong_status' })
    expect(planGuichetStep('open', 'verify', guest).ok).toBe(false)
  })

  it('answers and routes again after an answer or a routing, and stops once a need is drafted', () => {
    for (const from of ['open', 'answered', 'routed'] as const) {
      expect(planGuichetStep(from, 'answer', guest)).toEqual({ ok: true, from, to: 'answered' })
      expect(planGuichetStep(from, 'route', guest)).toEqual({ ok: true, from, to: 'routed' })
    }
    for (const step of guichetSteps) expect(planGuichetStep('need_drafted', step, member).ok).toBe(false)
  })

  it('drafts a need only for a requester with an account and a company', () => {
    expect(planGuichetStep('open', 'draft_need', member)).toEqual({ ok: true, from: 'open', to: 'need_drafted' })
    expect(planGuichetStep('open', 'draft_need', guest)).toEqual({ ok: false, reason: 'no_company' })
    expect(planGuichetStep('open', 'draft_need', { hasAccount: true, hasCompany: false })).toEqual({ ok: false, reason: 'no_company' })
    expect(availableGuichetSteps('open', guest)).toEqual(['answer', 'route'])
    expect(availableGuichetSteps('open', member)).toEqual(['answer', 'route', 'draft_need'])
  })

  it('never leads to a status outside the list', () => {
    for (const status of guichetStatuses)
      for (const step of guichetSteps) {
        const plan = planGuichetStep(status as GuichetStatus, step, member)
        if (plan.ok) expect(guichetStatuses).toContain(plan.to)
      }
  })
})

describe('the guest verification link', () => {
  const secret = 'a-test-secret-of-some-length'
  const id = '64b7f0c2a1b2c3d4e5f60718'

  it('is signed for its request and address, and worthless for another or with another secret', () => {
    const token = signGuichetToken(secret, id, 'Guest@Exemple.test')
    expect(guichetTokenRequestId(token)).toBe(id)
    expect(guichetTokenMatches(secret, token, 'guest@exemple.test')).toBe(true)
    expect(guichetTokenMatches(secret, token, 'other@exemple.test')).toBe(false)
    expect(guichetTokenMatches('another-secret-entirely', token, 'guest@exemple.test')).toBe(false)
    expect(guichetTokenMatches(secret, `${'0'.repeat(24)}.${token.split('.')[1]}`, 'guest@exemple.test')).toBe(false)
    for (const bad of ['', 'x.y', `${id}`, `${id}.a.b`, 42, null, `${id.toUpperCase()}.abc`]) expect(guichetTokenRequestId(bad)).toBeNull()
  })
})

describe('the guichet forms', () => {
  it('asks a guest who they are, in French keys, and a member only what they ask', () => {
    const guest = guestContactSchema().safeParse({ subject: 'Contrôle qualité', message: 'Bonjour' })
    expect(guest.success).toBe(false)
    const fields = guest.error!.flatten().fieldErrors
    expect(fields.name).toEqual(['territories.errors.nameRequired'])
    expect(fields.email).toBeDefined()
    expect(fields.company).toEqual(['territories.errors.companyRequired'])
    expect(memberContactSchema().safeParse({ subject: 'Contrôle qualité', message: 'Bonjour' }).success).toBe(true)
  })

  it('refuses a subject on two lines, control characters, and overlong text', () => {
    const member = memberContactSchema()
    expect(member.safeParse({ subject: 'a\nb', message: 'ok' }).success).toBe(false)
    expect(member.safeParse({ subject: 'ok', message: 'a\u0000b' }).success).toBe(false)
    expect(member.safeParse({ subject: 'x'.repeat(141), message: 'ok' }).success).toBe(false)
    expect(member.safeParse({ subject: '   ', message: 'ok' }).success).toBe(false)
  })

  it('knows the animator’s three actions and nothing else', () => {
    const requestId = '64b7f0c2a1b2c3d4e5f60718'
    expect(guichetActionSchema().safeParse({ intent: 'answer', requestId, message: 'Voici' }).success).toBe(true)
    expect(guichetActionSchema().safeParse({ intent: 'route', requestId, orgSlug: 'cetim', note: 'Voir eux' }).success).toBe(true)
    expect(guichetActionSchema().safeParse({ intent: 'route', requestId, orgSlug: '../x', note: 'n' }).success).toBe(false)
    expect(guichetActionSchema().safeParse({ intent: 'close', requestId }).success).toBe(false)
    expect(guichetActionSchema().safeParse({ intent: 'draft_need', requestId: 'nope' }).success).toBe(false)
  })
})
