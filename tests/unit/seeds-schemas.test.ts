import { describe, expect, it } from 'vitest'
import { needFormSchema } from '~/domain/needs/schema'
import { orgCreateSchema } from '~/domain/orgs/schema'
import { resolveCommune } from '~/domain/places/communes.server'
import { proposalFormSchema } from '~/domain/proposals/schema'
import { translatorFor } from '~/i18n/translators'
import { demoNeeds } from '../../seeds/demo/needs'
import { demoOrganisations } from '../../seeds/demo/organisations'

/** The demo data goes through the same zod schemas as what people type in the forms. */
const t = translatorFor('fr').t

describe('demo data passes the app’s own schemas', () => {
  it.each(demoOrganisations.map((org) => [org.slug, org] as const))('organisation %s', (_slug, org) => {
    const parsed = orgCreateSchema().safeParse({
      name: org.name,
      kind: org.kind,
      description: org.description,
      domains: org.domains,
      keywords: org.keywords.join(', '),
      equipment: org.equipment.join('\n'),
      filieres: org.filieres,
      territories: org.territories,
      website: org.website,
      trlMin: org.trl?.[0],
      trlMax: org.trl?.[1],
      commune: org.commune,
      size: org.size,
    })
    expect(parsed.error?.issues ?? []).toEqual([])
    expect(resolveCommune(org.commune), `commune ${org.commune}`).not.toBeNull()
  })

  const needs = demoNeeds()
  it('has at least 60 needs, in every status and closing reason', () => {
    expect(needs.length).toBeGreaterThanOrEqual(60)
    const statuses = new Set(needs.map((need) => need.closedReason ?? need.status))
    for (const status of ['draft', 'submitted', 'published', 'in_discussion', 'in_project', 'fulfilled', 'abandoned', 'expired']) {
      expect(statuses, status).toContain(status)
    }
    expect(new Set(needs.map((need) => need.key)).size).toBe(needs.length)
  })

  it.each(needs.map((need) => [need.key, need] as const))('need %s and its proposals', (_key, need) => {
    const companyOrg = demoOrganisations.find((org) => org.slug === need.company)
    expect(companyOrg?.kind).toBe('company')
    const parsed = needFormSchema('submit').safeParse({
      intent: 'submit',
      title: need.title,
      summary: need.summary,
      description: need.description,
      category: need.category,
      domains: need.domains,
      filiere: need.filiere,
      trlCurrent: need.trl[0],
      trlTarget: need.trl[1],
      stage: need.stage,
      budgetRange: need.budgetRange,
      confidentiality: need.confidentiality,
      commune: companyOrg!.commune,
      // A passed deadline is refused by the form on purpose (expired needs were typed earlier).
      deadline: need.deadlineInDays > 0 ? new Date(Date.now() + need.deadlineInDays * 86_400_000).toISOString().slice(0, 10) : undefined,
    })
    expect(parsed.error?.issues ?? []).toEqual([])
    for (const proposal of need.proposals) {
      expect(demoOrganisations.find((org) => org.slug === proposal.org)?.kind).not.toBe('company')
      const proposalParsed = proposalFormSchema().safeParse({
        submissionId: `00000000-0000-4000-8000-000000000000`,
        approach: proposal.approach,
        team: proposal.team,
        durationMonths: proposal.durationMonths,
        costRange: proposal.costRange,
        trlStart: proposal.trl[0],
        trlEnd: proposal.trl[1],
        partners: (proposal.partners ?? []).join('\n'),
      })
      expect(proposalParsed.error?.issues ?? []).toEqual([])
    }
  })
})
