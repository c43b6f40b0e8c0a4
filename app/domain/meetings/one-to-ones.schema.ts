import { z } from 'zod'
import { withValues } from '~/i18n/translate-message'
import { objectIdString } from '../ids'
import { gridLimits } from './scheduler'
import { parisLocalToInstant } from './timezone'
import '~/i18n/areas/brokerage'

/**
 * The business meetings' forms (browser and action alike). Messages are i18n keys
 * (app/i18n/locales/{fr,en}/brokerage.ts); times are datetime-local values read in
 * Europe/Paris. Whether the grid fits the event is the scheduler's pure validator's answer, asked
 * by the service.
 */
export const ONE_TO_ONE_MESSAGE_MAX = 500

const parisTime = (requiredKey: string) =>
  z
    .string({ required_error: requiredKey })
    .trim()
    .min(1, requiredKey)
    .refine((value) => parisLocalToInstant(value) !== null, 'brokerage.errors.invalidDate')
    .transform((value) => parisLocalToInstant(value)!)

const wholeNumber = (key: string, min: number, max: number) =>
  z.number({ required_error: key, invalid_type_error: key }).int(key).min(min, key).max(max, key)

export const slotGridFormSchema = z.object({
  slotMinutes: wholeNumber(withValues('brokerage.errors.slotMinutes', { min: gridLimits.minSlotMinutes, max: gridLimits.maxSlotMinutes }), gridLimits.minSlotMinutes, gridLimits.maxSlotMinutes),
  tables: wholeNumber(withValues('brokerage.errors.tables', { max: gridLimits.maxTables }), 1, gridLimits.maxTables),
  firstSlotAt: parisTime('brokerage.errors.firstSlotRequired'),
  lastSlotEndsAt: parisTime('brokerage.errors.lastSlotRequired'),
})
export type SlotGridInput = z.output<typeof slotGridFormSchema>

export const oneToOneRequestSchema = z.object({
  intent: z.literal('request'),
  recipientId: objectIdString('brokerage.errors.recipientRequired'),
  message: z
    .string()
    .trim()
    .max(ONE_TO_ONE_MESSAGE_MAX, withValues('brokerage.errors.messageTooLong', { max: ONE_TO_ONE_MESSAGE_MAX }))
    .default(''),
})

export const oneToOneAnswerSchema = z.object({
  intent: z.enum(['accept', 'decline', 'cancel']),
  requestId: objectIdString('brokerage.errors.requestRequired'),
})
