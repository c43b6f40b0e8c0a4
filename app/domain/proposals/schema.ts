import { withValues } from '~/i18n/translate-message'
import { z } from 'zod'
import { objectIdSchema } from '../needs/schema'
import { budgetRanges } from '../needs/vocabulary'
import '~/i18n/areas/needs'
import '~/i18n/areas/proposals'
import { declineReasons, proposalLimits, type DeclineReason } from './vocabulary'

/**
 * The proposal form and the company's decisions, shared by browser and actions. Messages are
 * i18n keys, like the needs form.
 */
const trl = () =>
  z
    .number({ invalid_type_error: 'needs.errors.trlRange' })
    .int('needs.errors.trlRange')
    .min(1, 'needs.errors.trlRange')
    .max(9, 'needs.errors.trlRange')
    .optional()

function contentFields(mode: 'create' | 'edit') {
  return z.object({
    /** Generated when the form is rendered: a retried or double-clicked submission is one proposal. */
    submissionId: mode === 'create' ? z.string({ required_error: 'needs.errors.invalid' }).uuid('needs.errors.invalid') : z.string().optional(),
    orgId: objectIdSchema.optional(),
    approach: z
      .string({ required_error: 'proposals.errors.approachRequired' })
      .trim()
      .min(30, 'proposals.errors.approachTooShort')
      .max(proposalLimits.approach, withValues('needs.errors.tooLong', { max: proposalLimits.approach })),
    team: z
      .string({ required_error: 'proposals.errors.teamRequired' })
      .trim()
      .min(5, 'proposals.errors.teamRequired')
      .max(proposalLimits.team, withValues('needs.errors.tooLong', { max: proposalLimits.team })),
    durationMonths: z
      .number({ required_error: 'proposals.errors.durationRange', invalid_type_error: 'proposals.errors.durationRange' })
      .int('proposals.errors.durationRange')
      .min(1, 'proposals.errors.durationRange')
      .max(60, 'proposals.errors.durationRange'),
    costRange: z.enum(budgetRanges, { errorMap: () => ({ message: 'proposals.errors.costRequired' }) }),
    /** Consortium partners, one per line (organisations outside Passerelle included). */
    partners: z
      .string()
      .max(proposalLimits.partners * (proposalLimits.partner + 2), withValues('needs.errors.tooLong', { max: proposalLimits.partners * (proposalLimits.partner + 2) }))
      .optional()
      .transform((value, ctx) => {
        const names = [...new Set((value ?? '').split(/[\n\r;]+/).map((name) => name.trim()).filter(Boolean))]
        if (names.length > proposalLimits.partners) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: withValues('proposals.errors.partnersTooMany', { max: proposalLimits.partners }) })
          return z.NEVER
        }
        if (names.some((name) => name.length > proposalLimits.partner)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: withValues('needs.errors.tooLong', { max: proposalLimits.partner }) })
          return z.NEVER
        }
        return names
      }),
  })
}

/** TRL the proposal starts from and reaches, checked together (see needs/schema.ts for why `.and`). */
function trlFields() {
  return z
    .object({ trlStart: trl(), trlEnd: trl() })
    .superRefine((value, ctx) => {
      if (value.trlStart !== undefined && value.trlEnd !== undefined && value.trlEnd < value.trlStart) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['trlEnd'], message: 'needs.errors.trlOrder' })
      }
    })
}

export const proposalFormSchema = (mode: 'create' | 'edit' = 'create') => contentFields(mode).and(trlFields())
export type ProposalFormData = z.output<ReturnType<typeof proposalFormSchema>>
export type ProposalInput = Omit<ProposalFormData, 'orgId' | 'submissionId'>

/** The company's decision buttons on the need page, and the proposer's withdrawal. */
export const proposalDecisionSchema = () =>
  z.discriminatedUnion('intent', [
    z.object({ intent: z.literal('shortlist'), proposalId: objectIdSchema }),
    z.object({ intent: z.literal('accept'), proposalId: objectIdSchema }),
    z.object({
      intent: z.literal('decline'),
      proposalId: objectIdSchema,
      reason: z.enum(declineReasons, { errorMap: () => ({ message: 'proposals.errors.declineReasonRequired' }) }),
      text: z.string().trim().max(proposalLimits.declineText, withValues('needs.errors.tooLong', { max: proposalLimits.declineText })).optional(),
    }),
    z.object({ intent: z.literal('withdraw'), proposalId: objectIdSchema }),
  ])

/** "Other" needs a few words: the proposer should understand the refusal. */
export function declineGaps(reason: DeclineReason, text: string | undefined): Record<string, string[]> {
  return reason === 'other' && !text?.trim() ? { text: ['proposals.errors.declineTextRequired'] } : {}
}
