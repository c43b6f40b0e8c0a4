import { withValues } from '~/i18n/translate-message'
import { z } from 'zod'
import { communeLabel, type CommuneLocation } from '../places/commune'
import { territoryIds } from '../places/territories'
import { technologyDomainIds, type TechnologyDomainId } from '../taxonomy/domains'
import { filiereIds } from '../taxonomy/filieres'
import { objectIdString } from '../ids'
import '~/i18n/areas/needs'
import { budgetRanges, communeCodePattern, confidentialityLevels, needCategories, needIntents, needLifecycleIntents, needLimits, needStages, todayUtc, type NeedIntent } from './vocabulary'

/**
 * The need form, shared by the browser (conform) and the actions (parseWithZod). Messages are
 * i18n keys (`withValues` when they need values), put into words by the page's fields.
 */

export const objectIdSchema = objectIdString()

const choice = <V extends string>(values: readonly [V, ...V[]]) => z.enum(values, { errorMap: () => ({ message: 'needs.errors.invalidChoice' }) })

const trl = () =>
  z
    .number({ invalid_type_error: 'needs.errors.trlRange' })
    .int('needs.errors.trlRange')
    .min(1, 'needs.errors.trlRange')
    .max(9, 'needs.errors.trlRange')
    .optional()

/** The short first version (title → commune) and the rest; `required` turns on the first-version rules. */
function contentFields(required: boolean) {
  const ifRequired = <S extends z.ZodTypeAny>(schema: S) => (required ? schema : schema.optional())
  return z.object({
    orgId: objectIdSchema.optional(),
    title: z
      .string({ required_error: 'needs.errors.titleRequired' })
      .trim()
      .min(5, 'needs.errors.titleTooShort')
      .max(needLimits.title, withValues('needs.errors.tooLong', { max: needLimits.title })),
    summary: ifRequired(
      z
        .string({ required_error: 'needs.errors.summaryRequired' })
        .trim()
        .min(20, 'needs.errors.summaryTooShort')
        .max(needLimits.summary, withValues('needs.errors.tooLong', { max: needLimits.summary })),
    ),
    category: ifRequired(z.enum(needCategories, { errorMap: () => ({ message: 'needs.errors.categoryRequired' }) })),
    domains: z
      .array(z.string().max(80))
      .max(needLimits.domains, withValues('needs.errors.domainsTooMany', { max: needLimits.domains }))
      .default([])
      .refine((ids) => ids.every((id) => (technologyDomainIds as readonly string[]).includes(id)), 'needs.errors.invalidChoice')
      .refine((ids) => !required || ids.length > 0, 'needs.errors.domainsRequired')
      .transform((ids) => [...new Set(ids)] as TechnologyDomainId[]),
    filiere: choice(filiereIds).optional(),
    stage: choice(needStages).optional(),
    budgetRange: choice(budgetRanges).optional(),
    territory: choice(territoryIds).optional(),
    confidentiality: choice(confidentialityLevels).default('members'),
    description: z.string().trim().max(needLimits.description, withValues('needs.errors.tooLong', { max: needLimits.description })).optional(),
  })
}

/**
 * Fields checked against each other, in their own object joined with `.and` so the checks
 * run even when an unrelated field is invalid (zod 3 skips an object's refinements then).
 */
function crossCheckedFields(required: boolean) {
  return z
    .object({
      /** The INSEE code the commune picker chose (JavaScript on). */
      commune: z.string().trim().toUpperCase().regex(communeCodePattern, 'needs.errors.communeUnknown').optional(),
      /** What was typed in the commune field (the only value without JavaScript); resolved on the server. */
      communeSearch: z.string().trim().max(needLimits.commune, withValues('needs.errors.tooLong', { max: needLimits.commune })).optional(),
      trlCurrent: trl(),
      trlTarget: trl(),
      deadline: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'needs.errors.invalidDate')
        .refine((value) => !Number.isNaN(Date.parse(value)), 'needs.errors.invalidDate')
        .optional(),
    })
    .superRefine((value, ctx) => {
      if (value.trlCurrent !== undefined && value.trlTarget !== undefined && value.trlTarget < value.trlCurrent) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['trlTarget'], message: 'needs.errors.trlOrder' })
      }
      if (value.deadline && value.deadline < todayUtc()) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['deadline'], message: 'needs.errors.deadlinePast' })
      }
      if (required && !value.commune && !value.communeSearch) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['commune'], message: 'needs.errors.communeRequired' })
      }
    })
}

/** The need form (new and edit pages). */
export const needFormSchema = (intent: NeedIntent) =>
  contentFields(intent === 'submit').and(crossCheckedFields(intent === 'submit')).and(z.object({ intent: z.enum(needIntents).default('draft') }))

export type NeedFormData = z.output<ReturnType<typeof needFormSchema>>
/** What the service stores: the form without its buttons, the commune resolved to official codes. */
export type NeedInput = Omit<NeedFormData, 'intent' | 'orgId' | 'commune' | 'communeSearch'> & { location: CommuneLocation | null }

/** A lifecycle button's form (one small form each on the need page). */
export const needLifecycleFormSchema = () =>
  z.object({
    intent: z.enum(needLifecycleIntents),
    reason: z.string().trim().max(1000, withValues('needs.errors.tooLong', { max: 1000 })).optional(),
    /** A new deadline when reopening an expired need. */
    deadline: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'needs.errors.invalidDate')
      .refine((value) => !Number.isNaN(Date.parse(value)), 'needs.errors.invalidDate')
      .refine((value) => value >= todayUtc(), 'needs.errors.deadlinePast')
      .optional(),
  })

/** Query string of the browse page. */
export const needBrowseQuerySchema = z.object({
  category: z.enum(needCategories).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
})

/** Route params carrying a need id: anything else is a 404, not a crash. */
export const needIdParamSchema = z.object({ id: objectIdSchema })

/** Turns a stored need back into form values (for the edit page). */
export function needToFormValues(need: {
  companyOrgId: string
  title: string
  summary?: string | null
  category?: string | null
  domains?: string[]
  location?: { communeCode: string; communeName: string; departementCode: string; delegatedName?: string | null } | null
  filiere?: string | null
  trlCurrent?: number | null
  trlTarget?: number | null
  stage?: string | null
  budgetRange?: string | null
  deadline?: Date | string | null
  territory?: string | null
  confidentiality: string
  description?: string | null
}) {
  const deadline = need.deadline ? new Date(need.deadline).toISOString().slice(0, 10) : ''
  return {
    orgId: need.companyOrgId,
    title: need.title,
    summary: need.summary ?? '',
    category: need.category ?? '',
    domains: need.domains ?? [],
    commune: need.location ? { code: need.location.communeCode, label: communeLabel(need.location) } : null,
    filiere: need.filiere ?? '',
    trlCurrent: need.trlCurrent ? String(need.trlCurrent) : '',
    trlTarget: need.trlTarget ? String(need.trlTarget) : '',
    stage: need.stage ?? '',
    budgetRange: need.budgetRange ?? '',
    deadline,
    territory: need.territory ?? '',
    confidentiality: need.confidentiality,
    description: need.description ?? '',
  }
}
