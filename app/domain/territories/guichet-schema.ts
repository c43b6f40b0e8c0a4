import { z } from 'zod'
import { withValues } from '~/i18n/translate-message'
import { emailSchema } from '../auth/schema'
import { objectIdString } from '../ids'
import '~/i18n/areas/territories'

/**
 * One zod schema per guichet form (shared by the page and its action); messages are i18n keys
 * (app/i18n/locales/fr/territories.ts), French first.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

const line = (max: number, required: string) =>
  z
    .string({ required_error: required })
    .trim()
    .min(1, required)
    .max(max, withValues('territories.errors.tooLong', { max }))
    .refine((value) => !CONTROL.test(value) && !/[\r\n]/.test(value), 'territories.errors.oneLine')

const text = (max: number, required: string) =>
  z
    .string({ required_error: required })
    .trim()
    .min(1, required)
    .max(max, withValues('territories.errors.tooLong', { max }))
    .refine((value) => !CONTROL.test(value), 'territories.errors.control')

export const GUICHET_SUBJECT_MAX = 140
export const GUICHET_MESSAGE_MAX = 3000

const requestFields = {
  subject: line(GUICHET_SUBJECT_MAX, 'territories.errors.subjectRequired'),
  message: text(GUICHET_MESSAGE_MAX, 'territories.errors.messageRequired'),
  commune: z.string().trim().max(80, withValues('territories.errors.tooLong', { max: 80 })).refine((value) => !CONTROL.test(value) && !/[\r\n]/.test(value), 'territories.errors.oneLine').optional().default(''),
}

/** « Contacter le guichet » for someone signed in: who they are is their account. */
export const memberContactSchema = () => z.object(requestFields)

/** « Contacter le guichet » for a guest: who they are, checked by a link sent to their e-mail. */
export const guestContactSchema = () =>
  z.object({
    ...requestFields,
    name: line(120, 'territories.errors.nameRequired'),
    email: emailSchema,
    company: line(160, 'territories.errors.companyRequired'),
  })

export type GuichetContactInput = z.infer<ReturnType<typeof guestContactSchema>> | z.infer<ReturnType<typeof memberContactSchema>>

const requestId = () => objectIdString('territories.errors.unknownRequest')

/** The animator's three actions on a request (/animation/guichet). */
export const guichetActionSchema = () =>
  z.discriminatedUnion('intent', [
    z.object({ intent: z.literal('answer'), requestId: requestId(), message: text(GUICHET_MESSAGE_MAX, 'territories.errors.answerRequired') }),
    z.object({
      intent: z.literal('route'),
      requestId: requestId(),
      orgSlug: z.string({ required_error: 'territories.errors.orgRequired' }).trim().min(1, 'territories.errors.orgRequired').max(120).regex(/^[a-z0-9-]+$/, 'territories.errors.unknownOrganisation'),
      note: text(1000, 'territories.errors.noteRequired'),
    }),
    z.object({ intent: z.literal('draft_need'), requestId: requestId() }),
  ])

export type GuichetAction = z.infer<ReturnType<typeof guichetActionSchema>>

/** A guest's confirmation link names `<requestId>.<signature>` (guichet-link.ts): anything else is not one of ours. */
export const guichetTokenSchema = z.string().max(80).regex(/^[a-f0-9]{24}\.[\w-]+$/)
