import { z } from 'zod'
import { territoryIds } from '../places/territories'
import { objectIdString } from '../ids'
import '~/i18n/areas/admin'

const objectId = objectIdString()

/** The admin's form: who (by e-mail) animates which territories and clusters/pôles. */
export const appointAnimatorSchema = z
  .object({
    intent: z.literal('appoint'),
    email: z
      .string({ required_error: 'admin.animators.errors.emailRequired' })
      .trim()
      .toLowerCase()
      .max(254, 'admin.animators.errors.emailRequired')
      .email('admin.animators.errors.emailRequired'),
    territories: z.array(z.enum(territoryIds, { errorMap: () => ({ message: 'admin.animators.errors.unknownScope' }) })).max(20).default([]),
    organisations: z.array(objectId).max(20).default([]),
  })
  .refine((value) => value.territories.length + value.organisations.length > 0, {
    message: 'admin.animators.errors.scopeRequired',
    path: ['territories'],
  })

export const revokeAnimatorSchema = z.object({ intent: z.literal('revoke'), userId: objectId })
