import { parseWithZod } from '@conform-to/zod'
import { describe, expect, it } from 'vitest'
import { declineGaps, proposalDecisionSchema, proposalFormSchema } from '~/domain/proposals/schema'
import { translatorFor } from '~/i18n/translators'
import { translateFieldErrors } from '~/i18n/translate-message'

const t = translatorFor('fr').t
/** Errors as the page shows them: the schema speaks keys, the fields put them into French. */
const inFrench = (errors: Record<string, string[] | null>) => translateFieldErrors(t, errors as Record<string, string[]>)!

function form(entries: Record<string, string>) {
  const data = new FormData()
  for (const [key, value] of Object.entries(entries)) data.append(key, value)
  return data
}

const valid = {
  submissionId: '9b2f7c1e-4a5d-4c3b-8e2f-1a2b3c4d5e6f',
  approach: 'Campagne d’essais sur notre banc de vision, puis prototype sur votre ligne.',
  team: 'Deux ingénieurs',
  durationMonths: '6',
  costRange: '10k_50k',
}

describe('proposal form', () => {
  it('accepts a complete proposal and splits partners one per line', () => {
    const submission = parseWithZod(form({ ...valid, partners: 'CETIM\n\nIRT Jules Verne\nCETIM' }), { schema: proposalFormSchema() })
    expect(submission.status).toBe('success')
    expect(submission.status === 'success' && submission.value).toMatchObject({ durationMonths: 6, partners: ['CETIM', 'IRT Jules Verne'] })
  })

  it('explains each missing or wrong field in French', () => {
    const errors = inFrench(parseWithZod(form({ submissionId: 'not-a-uuid', approach: 'court', durationMonths: '0', trlStart: '7', trlEnd: '5' }), { schema: proposalFormSchema() }).reply().error!)
    expect(errors.submissionId).toEqual(['Valeur invalide : rechargez la page et réessayez.'])
    expect(errors.approach).toEqual(['Décrivez votre approche en au moins 30 caractères.'])
    expect(errors.team).toEqual(['Présentez l’équipe en quelques mots.'])
    expect(errors.durationMonths).toEqual(['La durée est un nombre de mois entre 1 et 60.'])
    expect(errors.costRange).toEqual(['Choisissez une fourchette de coût.'])
    expect(errors.trlEnd).toEqual(['Le TRL visé doit être supérieur ou égal au TRL de départ.'])
  })

  it('refuses more than five partners', () => {
    const partners = ['A', 'B', 'C', 'D', 'E', 'F'].join('\n')
    expect(inFrench(parseWithZod(form({ ...valid, partners }), { schema: proposalFormSchema() }).reply().error!).partners).toEqual(['5 partenaires au maximum.'])
  })

  it('validates decisions and asks for words with “other”', () => {
    const schema = proposalDecisionSchema()
    const proposalId = 'a'.repeat(24)
    expect(schema.safeParse({ intent: 'accept', proposalId }).success).toBe(true)
    expect(schema.safeParse({ intent: 'accept', proposalId: 'nope' }).success).toBe(false)
    expect(schema.safeParse({ intent: 'decline', proposalId, reason: 'rude' }).success).toBe(false)
    expect(schema.safeParse({ intent: 'decline', proposalId, reason: 'unclear' }).success).toBe(true)
    expect(declineGaps('other', ' ')).toEqual({ text: ['proposals.errors.declineTextRequired'] })
    expect(declineGaps('other', 'Nous avons internalisé le sujet.')).toEqual({})
    expect(declineGaps('too_early', undefined)).toEqual({})
  })
})
