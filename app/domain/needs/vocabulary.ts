import '~/i18n/areas/needs'

/**
 * The closed lists, limits and small rules of a need, without zod: pages showing needs import
 * these without pulling the validation library into the browser (issue 16). The forms' schemas
 * build on them (schema.ts).
 */
export const needCategories = ['technical', 'process', 'financing', 'other'] as const
export type NeedCategory = (typeof needCategories)[number]

export const needStages = ['diagnostic', 'experimentation', 'deployment'] as const
export type NeedStage = (typeof needStages)[number]

/** Budget ranges, shared with the cost range of proposals. */
export const budgetRanges = ['lt_10k', '10k_50k', '50k_200k', '200k_1m', 'gt_1m'] as const
export type BudgetRange = (typeof budgetRanges)[number]

/** Tiered confidentiality: each level hides more (see visibility.ts). */
export const confidentialityLevels = ['public', 'members', 'anonymous'] as const
export type Confidentiality = (typeof confidentialityLevels)[number]

export const needIntents = ['draft', 'submit'] as const

/** An INSEE commune code (Corsica: 2A/2B). */
export const communeCodePattern = /^[0-9][0-9AB][0-9]{3}$/

/** Today, as YYYY-MM-DD in UTC: deadlines are whole days. */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10)

export const needLimits = { title: 140, summary: 600, description: 10_000, domains: 5, commune: 120 } as const

export type NeedIntent = (typeof needIntents)[number]

/** Which button was pressed: "submit" asks for the first-version fields, "draft" only for a title. */
export const needIntentOf = (intent: unknown): NeedIntent => (intent === 'submit' ? 'submit' : 'draft')

/**
 * Fields a stored need must have before it is submitted (the short first version). Returns
 * i18n keys per field; empty when the need may be submitted.
 */
export function submissionGaps(need: { summary?: string | null; category?: string | null; domains?: readonly string[] | null; location?: unknown }): Record<string, string[]> {
  const gaps: Record<string, string[]> = {}
  if (!need.summary) gaps.summary = ['needs.errors.summaryRequired']
  if (!need.category) gaps.category = ['needs.errors.categoryRequired']
  if (!need.domains?.length) gaps.domains = ['needs.errors.domainsRequired']
  if (!need.location) gaps.commune = ['needs.errors.communeRequired']
  return gaps
}

/** Lifecycle buttons on the need page (one small form each). */
export const needLifecycleIntents = ['submit', 'retract', 'approve', 'return_to_draft', 'close_fulfilled', 'abandon', 'reopen'] as const
