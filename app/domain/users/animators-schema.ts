import type { TFunction } from 'i18next'
import { z } from 'zod'
import { demoTerritories } from '../places/territories'
import { objectIdString } from '../ids'

const territoryIds = demoTerritories.map((territory) => territory.id) as [string, ...string[]]
const objectId = objectIdString()

/** The admin's form: who (by e-mail) animates which territories and clusters/pôles. */
export const appointAnimatorSchema = (t: TFunction) =>
  z
    .object({
      intent: z.literal('appoint'),
      email: z
        .string({ required_error: t('admin.animators.errors.emailRequired') })
        .trim()
        .toLowerCase()
        .max(254, t('admin.animators.errors.emailRequired'))
        .email(t('admin.animators.errors.emailRequired')),
      territories: z.array(z.enum(territoryIds, { errorMap: () => ({ message: t('admin.animators.errors.unknownScope') }) })).max(20).default([]),
      organisations: z.array(objectId).max(20).default([]),
    })
    .refine((value) => value.territories.length + value.organisations.length > 0, {
      message: t('admin.animators.errors.scopeRequired'),
      path: ['territories'],
    })

export const revokeAnimatorSchema = z.object({ intent: z.literal('revoke'), userId: objectId })
