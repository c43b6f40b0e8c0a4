import { withValues } from '~/i18n/translate-message'
import { z } from 'zod'
import { periodDays } from './kpi'
import { objectIdString } from '../ids'
import '~/i18n/areas/moderation'

/** One zod schema per moderation form (shared by the page and its action); messages are i18n keys. */
export const reportDecisions = ['dismiss', 'hide', 'warn', 'suspend', 'ban'] as const
export type ReportDecision = (typeof reportDecisions)[number]

const objectId = () => objectIdString('moderation.errors.invalidChoice')
const text = (max: number) => z.string({ required_error: 'moderation.refusals.reasonRequired' }).trim().min(1, 'moderation.refusals.reasonRequired').max(max, withValues('moderation.errors.tooLong', { max }))

export const reviewFormSchema = () =>
  z.discriminatedUnion('intent', [
    z.object({ intent: z.literal('approve'), needId: objectId() }),
    z.object({ intent: z.literal('send_back'), needId: objectId(), comment: text(1000) }),
    z.object({ intent: z.literal('reject'), needId: objectId(), reason: text(1000) }),
  ])

export const verifyFormSchema = () => z.object({ orgId: objectId() })

export const reportDecisionFormSchema = () =>
  z
    .object({
      reportId: objectId(),
      decision: z.enum(reportDecisions, { errorMap: () => ({ message: 'moderation.errors.invalidChoice' }) }),
      reason: z.string().trim().max(1000, withValues('moderation.errors.tooLong', { max: 1000 })).default(''),
      days: z.coerce.number({ invalid_type_error: 'moderation.refusals.days' }).int('moderation.refusals.days').min(1, 'moderation.refusals.days').max(365, 'moderation.refusals.days').optional(),
    })
    .superRefine((value, context) => {
      if (value.decision === 'suspend' && value.days === undefined) context.addIssue({ code: 'custom', path: ['days'], message: 'moderation.refusals.days' })
      if (value.decision !== 'dismiss' && !value.reason) context.addIssue({ code: 'custom', path: ['reason'], message: 'moderation.refusals.reasonRequired' })
    })

export const reportFormSchema = () => z.object({ targetKind: z.enum(['need', 'user']), targetId: objectId(), reason: text(1000) })

export const recommendFormSchema = () =>
  z.object({ needId: objectId(), orgSlug: z.string().trim().min(1, 'moderation.refusals.unknownOrganisation').max(120).regex(/^[a-z0-9-]+$/, 'moderation.refusals.unknownOrganisation'), note: text(1000) })

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(value)))

/** Query string of the audit log (bad values are ignored, never an error page). */
export const journalQuerySchema = z.object({
  action: z.string().regex(/^[a-z_]+\.[a-z_]+$/).max(40).optional().catch(undefined),
  actor: objectIdString().optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
})

export const dashboardQuerySchema = z.object({
  period: z
    .enum(periodDays.map(String) as ['30', '90', '365'])
    .default('90')
    .catch('90'),
})

/** A query string as a plain object for zod (empty values are absent). */
export const searchParamsObject = (url: URL) => Object.fromEntries([...url.searchParams].filter(([, value]) => value !== ''))

/** The audit query from the URL: `to` is inclusive (the whole day). */
export function auditQueryFrom(url: URL) {
  const query = journalQuerySchema.parse(searchParamsObject(url))
  return {
    query,
    search: {
      action: query.action,
      actorId: query.actor,
      from: query.from ? new Date(`${query.from}T00:00:00.000Z`) : undefined,
      to: query.to ? new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 86_400_000) : undefined,
    },
  }
}


export const appealFormSchema = () => z.object({ targetKind: z.enum(['need', 'user']), targetId: objectId(), text: text(2000) })

export const appealDecisionFormSchema = () => z.object({ targetKind: z.enum(['need', 'user']), targetId: objectId(), decision: z.enum(['lift', 'uphold']) })

export const reviewRuleFormSchema = () =>
  z.object({
    intent: z.literal('review_rule'),
    kind: z.enum(['organisation', 'territory']),
    ref: z.string().trim().min(1).max(60).regex(/^[a-z0-9-]+$/i, 'moderation.errors.invalidChoice'),
    required: z.enum(['yes', 'no']),
  })
