import { withValues } from '~/i18n/translate-message'
import { z } from 'zod'
import type { Space } from '../actor'
import { objectIdString } from '../ids'
import { technologyDomainIds, type TechnologyDomainId } from '../taxonomy/domains'
import { filiereIds, type FiliereId } from '../taxonomy/filieres'
import { parisLocalToInstant } from './timezone'
import '~/i18n/areas/meetings'

/**
 * The meeting forms, shared by the browser (conform) and the actions (parseWithZod). Messages are
 * i18n keys (app/i18n/locales/{fr,en}/meetings.ts). Dates are datetime-local values read as
 * Europe/Paris time (./timezone.ts), whatever the server's TZ.
 */
export const meetingLimits = { title: 140, description: 5000, organisers: 10, domains: 6, filieres: 4, capacity: 10_000, commune: 120, url: 500 } as const

export const meetingModes = ['place', 'online'] as const
export type MeetingMode = (typeof meetingModes)[number]

/** An INSEE commune code (Corsica: 2A/2B). */
const communeCodePattern = /^[0-9][0-9AB][0-9]{3}$/

/** "territory:haut-jura" or "organisation:<id>": one option of the scope select. */
export const spaceValue = (space: Space) => `${space.kind}:${space.ref}`
export function spaceFromValue(value: string): Space | null {
  const [kind, ref] = value.split(':', 2)
  if ((kind === 'territory' || kind === 'organisation') && ref) return { kind, ref }
  return null
}

const localDateTime = (requiredKey: string) =>
  z
    .string({ required_error: requiredKey })
    .trim()
    .min(1, requiredKey)
    .refine((value) => parisLocalToInstant(value) !== null, 'meetings.errors.invalidDate')
    .transform((value) => parisLocalToInstant(value)!)

/** A https address (online meetings): http or anything else is refused. */
export const httpsUrl = z
  .string()
  .trim()
  .max(meetingLimits.url, withValues('meetings.errors.tooLong', { max: meetingLimits.url }))
  .refine((value) => {
    try {
      const url = new URL(value)
      return url.protocol === 'https:' && url.hostname.includes('.')
    } catch {
      return false
    }
  }, 'meetings.errors.onlineUrlHttps')

const listOf = <T extends string>(allowed: readonly T[], max: number, tooManyKey: string) =>
  z
    .array(z.string().max(80))
    .max(max, withValues(tooManyKey, { max }))
    .default([])
    .refine((ids) => ids.every((id) => (allowed as readonly string[]).includes(id)), 'meetings.errors.invalidChoice')
    .transform((ids) => [...new Set(ids)] as T[])

const contentFields = z.object({
  title: z
    .string({ required_error: 'meetings.errors.titleRequired' })
    .trim()
    .min(5, 'meetings.errors.titleTooShort')
    .max(meetingLimits.title, withValues('meetings.errors.tooLong', { max: meetingLimits.title }))
    // One line: the title goes into calendar files, where a line break would start a new field.
    .refine((title) => !/[\u0000-\u001f\u007f]/.test(title), 'meetings.errors.titleOneLine'),
  description: z
    .string()
    .trim()
    .max(meetingLimits.description, withValues('meetings.errors.tooLong', { max: meetingLimits.description }))
    .default(''),
  scope: z.string({ required_error: 'meetings.errors.scopeRequired' }).refine((value) => spaceFromValue(value) !== null, 'meetings.errors.scopeRequired'),
  organisers: z
    .array(objectIdString())
    .max(meetingLimits.organisers, withValues('meetings.errors.tooMany', { max: meetingLimits.organisers }))
    .default([])
    .transform((ids) => [...new Set(ids)]),
  domains: listOf<TechnologyDomainId>(technologyDomainIds, meetingLimits.domains, 'meetings.errors.tooMany'),
  filieres: listOf<FiliereId>(filiereIds, meetingLimits.filieres, 'meetings.errors.tooMany'),
  capacity: z
    .number({ required_error: 'meetings.errors.capacityRequired', invalid_type_error: 'meetings.errors.capacityPositive' })
    .int('meetings.errors.capacityPositive')
    .min(1, 'meetings.errors.capacityPositive')
    .max(meetingLimits.capacity, withValues('meetings.errors.capacityTooLarge', { max: meetingLimits.capacity })),
})

/**
 * Fields checked against each other (and against the clock), in their own object joined with
 * `.and` so the checks run even when an unrelated field is invalid.
 */
const crossCheckedFields = (now: () => Date) =>
  z
    .object({
      startsAt: localDateTime('meetings.errors.startsAtRequired'),
      endsAt: localDateTime('meetings.errors.endsAtRequired'),
      registrationDeadline: localDateTime('meetings.errors.invalidDate').optional(),
      mode: z.enum(meetingModes, { errorMap: () => ({ message: 'meetings.errors.modeRequired' }) }),
      /** The INSEE code the commune picker chose (JavaScript on). */
      commune: z.string().trim().toUpperCase().regex(communeCodePattern, 'meetings.errors.communeUnknown').optional(),
      /** What was typed in the commune field (the only value without JavaScript); resolved on the server. */
      communeSearch: z.string().trim().max(meetingLimits.commune, withValues('meetings.errors.tooLong', { max: meetingLimits.commune })).optional(),
      onlineUrl: z.string().trim().optional(),
    })
    .superRefine((value, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message })
      if (value.startsAt.getTime() <= now().getTime()) issue('startsAt', 'meetings.errors.startsInPast')
      if (value.endsAt.getTime() <= value.startsAt.getTime()) issue('endsAt', 'meetings.errors.endBeforeStart')
      if (value.registrationDeadline && value.registrationDeadline.getTime() > value.startsAt.getTime()) issue('registrationDeadline', 'meetings.errors.deadlineAfterStart')
      if (value.mode === 'place' && !value.commune && !value.communeSearch) issue('commune', 'meetings.errors.communeRequired')
      if (value.mode === 'online') {
        const url = httpsUrl.safeParse(value.onlineUrl ?? '')
        if (!url.success) issue('onlineUrl', url.error.issues[0]?.message ?? 'meetings.errors.onlineUrlHttps')
      }
    })

/** The create / edit form. `now` is injectable so tests pin « in the past ». */
export const meetingFormSchema = (now: () => Date = () => new Date()) => contentFields.and(crossCheckedFields(now))
export type MeetingFormData = z.output<ReturnType<typeof meetingFormSchema>>

/** What the service stores: the form with its scope as a Space and its place resolved (commune → codes). */
export type MeetingInput = Omit<MeetingFormData, 'scope' | 'commune' | 'communeSearch' | 'onlineUrl' | 'mode'> & {
  scope: Space
  place: import('../places/commune').CommuneLocation | null
  onlineUrl: string | null
}

/**
 * The business meetings' time grid (one-to-ones), stored on the meeting and owned by the
 * scheduler: slots of `slotMinutes` from `firstSlotAt` until `lastSlotEndsAt`, at `tables` tables.
 */
export const slotGridSchema = z
  .object({
    slotMinutes: z.number().int('meetings.errors.slotMinutes').min(5, 'meetings.errors.slotMinutes').max(240, 'meetings.errors.slotMinutes'),
    firstSlotAt: z.date(),
    lastSlotEndsAt: z.date(),
    tables: z.number().int('meetings.errors.tables').min(1, 'meetings.errors.tables').max(500, 'meetings.errors.tables'),
  })
  .refine((grid) => grid.lastSlotEndsAt.getTime() > grid.firstSlotAt.getTime(), { path: ['lastSlotEndsAt'], message: 'meetings.errors.endBeforeStart' })
export type SlotGrid = z.output<typeof slotGridSchema>

/** Route params carrying a meeting id: anything else is a 404, not a crash. */
export const meetingIdParamSchema = z.object({ id: objectIdString() })

/** The registration form: which of the person's organisations they come for. */
export const registrationFormSchema = z.object({
  intent: z.enum(['register', 'unregister']),
  organisationId: objectIdString('meetings.errors.organisationRequired').optional(),
})

/** Outcomes recorded after the event: links to needs, proposals and projects by id or URL. */
export const outcomeKinds = ['need', 'proposal', 'project'] as const
export type OutcomeKind = (typeof outcomeKinds)[number]

/** The outcomes form: records chosen among the participants' needs, proposals and projects. */
export const outcomesFormSchema = z.object({
  needIds: z.array(objectIdString()).max(50).default([]),
  proposalIds: z.array(objectIdString()).max(50).default([]),
  projectIds: z.array(objectIdString()).max(50).default([]),
  notes: z.string().trim().max(2000, withValues('meetings.errors.tooLong', { max: 2000 })).default(''),
})
export type OutcomesInput = z.output<typeof outcomesFormSchema>
