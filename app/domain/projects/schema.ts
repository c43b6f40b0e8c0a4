import { withValues } from '~/i18n/translate-message'
import { z } from 'zod'
import { objectIdString } from '../ids'
import '~/i18n/areas/projects'

/**
 * The project room's rules that browser and server share: statuses and their transitions,
 * milestone forms, the colleague form. Form messages are i18n keys (with values: `withValues`),
 * the same the domain service raises; the page's fields put them into words.
 */
export const projectStatuses = ['active', 'paused', 'completed'] as const
export type ProjectStatus = (typeof projectStatuses)[number]

export const MAX_MILESTONE_TITLE = 200
/** Enough for any real collaboration, and a bound on the project document. */
export const MAX_MILESTONES = 100

/**
 * Who may go where. A completed project can be reopened (to active): closing by mistake, or a
 * follow-up phase with the same partners, should not need a new project. While completed, the
 * room is read-only (milestones, colleagues) until someone reopens it.
 */
const transitions: Record<ProjectStatus, readonly ProjectStatus[]> = {
  active: ['paused', 'completed'],
  paused: ['active', 'completed'],
  completed: ['active'],
}

export const nextStatuses = (from: ProjectStatus): readonly ProjectStatus[] => transitions[from]
export const canMoveTo = (from: ProjectStatus, to: ProjectStatus) => transitions[from].includes(to)

/** Today in Paris as YYYY-MM-DD: a milestone is overdue from the day after its due day. */
export function parisToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

export const isOverdue = (milestone: { dueDate: string | null; done: boolean }, today: string) =>
  !milestone.done && milestone.dueDate !== null && milestone.dueDate < today

/** By due day (undated last), then in the order they were added. */
export function byDueDate<M extends { dueDate: string | null; createdAt: string }>(milestones: M[]): M[] {
  return [...milestones].sort((a, b) => {
    if (a.dueDate !== b.dueDate) {
      if (a.dueDate === null) return 1
      if (b.dueDate === null) return -1
      return a.dueDate < b.dueDate ? -1 : 1
    }
    return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0
  })
}

export const objectId = objectIdString()

function isCalendarDay(value: string) {
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '2000-01-01' && value <= '2100-12-31'
}

/** Title and optional due day of a milestone (new or edited). */
export function milestoneFields() {
  return z.object({
    title: z
      .string({ required_error: 'projects.errors.titleRequired' })
      .trim()
      .min(1, 'projects.errors.titleRequired')
      .max(MAX_MILESTONE_TITLE, withValues('projects.errors.titleTooLong', { max: MAX_MILESTONE_TITLE })),
    // An empty date field is no due date.
    dueDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'projects.errors.invalidDate')
      .refine(isCalendarDay, 'projects.errors.invalidDate')
      .optional(),
  })
}
export type MilestoneInput = { title: string; dueDate?: string | undefined }

export const projectIntents = ['milestone-create', 'milestone-update', 'milestone-done', 'milestone-delete', 'status', 'member-add'] as const
export type ProjectIntent = (typeof projectIntents)[number]

/** One schema per form of the project page, chosen by the form's `intent`. */
export function projectFormSchemas() {
  const invalid = 'projects.errors.invalid'
  const id = objectIdString(invalid)
  return {
    'milestone-create': milestoneFields().extend({ intent: z.literal('milestone-create') }),
    'milestone-update': milestoneFields().extend({ intent: z.literal('milestone-update'), milestoneId: id }),
    'milestone-done': z.object({ intent: z.literal('milestone-done'), milestoneId: id, done: z.enum(['true', 'false'], { errorMap: () => ({ message: invalid }) }) }),
    'milestone-delete': z.object({ intent: z.literal('milestone-delete'), milestoneId: id }),
    status: z.object({ intent: z.literal('status'), status: z.enum(projectStatuses, { errorMap: () => ({ message: invalid }) }) }),
    'member-add': z.object({
      intent: z.literal('member-add'),
      userId: objectIdString('projects.errors.colleagueRequired'),
    }),
  } satisfies Record<ProjectIntent, z.ZodTypeAny>
}

/**
 * Which form a reply belongs to (several forms share the page): the intent, plus the milestone
 * for the per-milestone forms.
 */
export function projectFormId(intent: ProjectIntent, milestoneId?: string | null) {
  return intent === 'milestone-update' || intent === 'milestone-done' || intent === 'milestone-delete' ? `${intent}-${milestoneId ?? ''}` : intent
}
