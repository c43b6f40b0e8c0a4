import { withValues } from '~/i18n/translate-message'
import { z } from 'zod'
import { territoryIds } from '../places/territories'
import { technologyDomainIds, type TechnologyDomainId } from '../taxonomy/domains'
import { filiereIds, type FiliereId } from '../taxonomy/filieres'
import { orgKinds } from './kinds'
import { objectIdString } from '../ids'
import '~/i18n/areas/orgs'

/**
 * The organisation forms, one zod schema each, shared by the browser (conform) and the
 * actions/services. Limits mirror model.server.ts. Messages are i18n keys, put into words by
 * the page's fields (app/i18n/translate-message.ts).
 */
export const orgLimits = {
  name: 160,
  description: 5000,
  keyword: 60,
  keywords: 30,
  equipmentItem: 200,
  equipment: 50,
  website: 300,
  contactName: 120,
  contactRole: 120,
  contactEmail: 254,
  contactPhone: 40,
  territories: 5,
  communeSearch: 120,
  joinMessage: 1000,
  clusters: 20,
} as const

export const companySizes = ['tpe', 'pme', 'eti', 'ge'] as const
export type CompanySize = (typeof companySizes)[number]


/** Mongo ObjectId as it appears in URLs and forms. */
export const objectIdSchema = objectIdString()

/** An INSEE commune code, as the commune picker submits it. */
export const communeCodePattern = /^[0-9][0-9AB][0-9]{3}$/

const text = (max: number) => z.string().trim().max(max, withValues('orgs.errors.tooLong', { max }))

/** One line of text: control characters (new lines, tabs) become spaces, so names stay safe in mail headers. */
const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, ' ')
const line = (max: number) => z.string().transform(oneLine).pipe(text(max))

/** A textarea of items separated by commas or new lines ("usinage 5 axes, métrologie"). */
function listField({ maxItems, maxItemLength }: { maxItems: number; maxItemLength: number }) {
  return z
    .string()
    .max(maxItems * (maxItemLength + 2), withValues('orgs.errors.tooLong', { max: maxItems * (maxItemLength + 2) }))
    .optional()
    .transform((value, ctx) => {
      const items = [...new Set((value ?? '').split(/[,;\n\r]+/).map((item) => item.trim()).filter(Boolean))]
      if (items.length > maxItems) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: withValues('orgs.errors.tooManyItems', { max: maxItems }) })
        return z.NEVER
      }
      const long = items.find((item) => item.length > maxItemLength)
      if (long) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: withValues('orgs.errors.itemTooLong', { item: `${long.slice(0, 30)}…`, max: maxItemLength }) })
        return z.NEVER
      }
      return items
    })
}

/** Checkbox group of known ids; an unknown id is refused as a whole-field error. */
function idsField<Id extends string>(known: readonly Id[], message: string, max: number, tooMany: string) {
  return z
    .array(z.string().max(80))
    .max(max, tooMany)
    .default([])
    .refine((ids) => ids.every((id) => (known as readonly string[]).includes(id)), message)
    .transform((ids) => [...new Set(ids)] as Id[])
}

const trlField = () =>
  z
    .number({ invalid_type_error: 'orgs.errors.trlRange' })
    .int('orgs.errors.trlRange')
    .min(1, 'orgs.errors.trlRange')
    .max(9, 'orgs.errors.trlRange')
    .optional()

/**
 * Fields checked against each other. Kept in their own object joined with `.and`, so these
 * checks run (and show) even when an unrelated field is invalid — zod 3 skips an object's
 * refinements as soon as one of its fields fails.
 */
function crossCheckedFields() {
  return z
    .object({
      trlMin: trlField(),
      trlMax: trlField(),
      /** The code the commune picker chose (JavaScript on). */
      commune: z.string().trim().toUpperCase().regex(communeCodePattern, 'orgs.errors.communeUnknown').optional(),
      /** What was typed in the commune field (always sent; the only value without JavaScript). */
      communeSearch: text(orgLimits.communeSearch).optional(),
    })
    .superRefine((value, ctx) => {
      if (value.trlMin !== undefined && value.trlMax !== undefined && value.trlMin > value.trlMax) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['trlMax'], message: 'orgs.errors.trlOrder' })
      }
      if (!value.commune && !value.communeSearch) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['commune'], message: 'orgs.errors.communeRequired' })
      }
    })
}

function profileFields() {
  return {
    name: z
      .string({ required_error: 'orgs.errors.nameRequired' })
      .transform(oneLine)
      .pipe(z.string().trim().min(2, 'orgs.errors.nameRequired').max(orgLimits.name, withValues('orgs.errors.tooLong', { max: orgLimits.name }))),
    description: text(orgLimits.description).default(''),
    domains: idsField<TechnologyDomainId>(technologyDomainIds, 'orgs.errors.unknownDomain', technologyDomainIds.length, withValues('orgs.errors.tooManyItems', { max: technologyDomainIds.length })),
    keywords: listField({ maxItems: orgLimits.keywords, maxItemLength: orgLimits.keyword }),
    equipment: listField({ maxItems: orgLimits.equipment, maxItemLength: orgLimits.equipmentItem }),
    filieres: idsField<FiliereId>(filiereIds, 'orgs.errors.unknownFiliere', filiereIds.length, withValues('orgs.errors.tooManyItems', { max: filiereIds.length })),
    territories: idsField<string>(territoryIds, 'orgs.errors.unknownTerritory', orgLimits.territories, withValues('orgs.errors.tooManyItems', { max: orgLimits.territories })),
    website: text(orgLimits.website)
      .url('orgs.errors.website')
      .refine((url) => /^https?:\/\//i.test(url), 'orgs.errors.website')
      .optional()
      .transform((url) => url ?? ''),
    contactName: line(orgLimits.contactName).default(''),
    contactRole: line(orgLimits.contactRole).default(''),
    contactEmail: text(orgLimits.contactEmail).email('orgs.errors.email').toLowerCase().optional().transform((email) => email ?? ''),
    contactPhone: text(orgLimits.contactPhone)
      .regex(/^\+?[0-9 .()-]{6,}$/, 'orgs.errors.phone')
      .optional()
      .transform((phone) => phone ?? ''),
    size: z.enum(companySizes, { errorMap: () => ({ message: 'orgs.errors.unknownSize' }) }).optional(),
  }
}

/** Editing a profile: everything but the kind (changing it would dodge verification). */
export const orgUpdateSchema = () => z.object(profileFields()).and(crossCheckedFields())

export const orgCreateSchema = () =>
  z
    .object({
      ...profileFields(),
      kind: z.enum(orgKinds, { errorMap: () => ({ message: 'orgs.errors.kindRequired' }) }),
    })
    .and(crossCheckedFields())

export type OrgUpdateInput = z.input<ReturnType<typeof orgUpdateSchema>>
export type OrgUpdateData = z.output<ReturnType<typeof orgUpdateSchema>>
export type OrgCreateInput = z.input<ReturnType<typeof orgCreateSchema>>
export type OrgCreateData = z.output<ReturnType<typeof orgCreateSchema>>

export const inviteSchema = () =>
  z.object({
    email: z
      .string({ required_error: 'orgs.errors.email' })
      .trim()
      .toLowerCase()
      .max(254, withValues('orgs.errors.tooLong', { max: 254 }))
      .email('orgs.errors.email'),
  })

export const joinRequestSchema = () =>
  z.object({ message: text(orgLimits.joinMessage).default('') })

export const clusterMembershipsSchema = () =>
  z.object({
    memberOf: z
      .array(objectIdSchema, { invalid_type_error: 'orgs.errors.unknownCluster' })
      .max(orgLimits.clusters, withValues('orgs.errors.tooManyItems', { max: orgLimits.clusters }))
      .default([]),
  })
