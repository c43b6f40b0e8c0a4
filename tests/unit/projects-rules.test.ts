import { describe, expect, it } from 'vitest'
import { translateMessage } from '~/i18n/translate-message'
import { byDueDate, canMoveTo, isOverdue, MAX_MILESTONE_TITLE, milestoneFields, nextStatuses, parisToday, projectFormId, projectFormSchemas } from '~/domain/projects/schema'
import { translatorFor } from '~/i18n/translators'

describe('project status transitions', () => {
  it('pause and resume, complete from either, reopen a completed project to active only', () => {
    expect(nextStatuses('active')).toEqual(['paused', 'completed'])
    expect(nextStatuses('paused')).toEqual(['active', 'completed'])
    expect(nextStatuses('completed')).toEqual(['active'])
    expect(canMoveTo('completed', 'paused')).toBe(false)
    expect(canMoveTo('active', 'active')).toBe(false)
    expect(canMoveTo('paused', 'active')).toBe(true)
  })
})

describe('milestones', () => {
  it('are overdue only when not done and due before today (Paris)', () => {
    expect(isOverdue({ dueDate: '2026-03-09', done: false }, '2026-03-10')).toBe(true)
    expect(isOverdue({ dueDate: '2026-03-10', done: false }, '2026-03-10')).toBe(false)
    expect(isOverdue({ dueDate: '2026-03-09', done: true }, '2026-03-10')).toBe(false)
    expect(isOverdue({ dueDate: null, done: false }, '2026-03-10')).toBe(false)
  })

  it('count the day in Paris, not in UTC', () => {
    // 23:30 UTC on 9 March is already 10 March in Paris (UTC+1 in winter).
    expect(parisToday(new Date('2026-03-09T23:30:00Z'))).toBe('2026-03-10')
    expect(parisToday(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01')
    expect(parisToday(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02')
  })

  it('are listed by due day, undated last, then in the order they were added', () => {
    const list = [
      { id: 'undated', dueDate: null, createdAt: '2026-01-01T00:00:00Z' },
      { id: 'late', dueDate: '2026-06-01', createdAt: '2026-01-01T00:00:00Z' },
      { id: 'early-second', dueDate: '2026-02-01', createdAt: '2026-01-02T00:00:00Z' },
      { id: 'early-first', dueDate: '2026-02-01', createdAt: '2026-01-01T00:00:00Z' },
    ]
    expect(byDueDate(list).map((milestone) => milestone.id)).toEqual(['early-first', 'early-second', 'late', 'undated'])
  })

  it('need a title of at most 200 characters and a real calendar day, if any', () => {
    const fields = milestoneFields()
    expect(fields.safeParse({ title: '  Prototype  ' })).toMatchObject({ success: true, data: { title: 'Prototype' } })
    expect(fields.safeParse({ title: 'x'.repeat(200), dueDate: '2028-02-29' }).success).toBe(true)
    const tooLong = fields.safeParse({ title: 'x'.repeat(201) })
    expect(tooLong.success).toBe(false)
    expect(tooLong.error?.issues[0]?.message).toBe('projects.errors.titleTooLong?max=200')
    expect(fields.safeParse({ title: '   ' }).error?.issues[0]?.message).toBe('projects.errors.titleRequired')
    expect(fields.safeParse({ title: 'Essais', dueDate: '2027-02-29' }).error?.issues[0]?.message).toBe('projects.errors.invalidDate')
    expect(fields.safeParse({ title: 'Essais', dueDate: '10/03/2026' }).success).toBe(false)
  })

  it('speak in i18n keys, put into French by the page', () => {
    const { t } = translatorFor('fr')
    const parsed = projectFormSchemas()['milestone-create'].safeParse({ intent: 'milestone-create', title: '' })
    expect(parsed.error?.issues[0]?.message).toBe('projects.errors.titleRequired')
    expect(translateMessage(t, parsed.error!.issues[0]!.message)).toBe('Donnez un intitulé au jalon.')
    const tooLong = milestoneFields().safeParse({ title: 'x'.repeat(MAX_MILESTONE_TITLE + 1) })
    expect(translateMessage(t, tooLong.error!.issues[0]!.message)).toContain(String(MAX_MILESTONE_TITLE))
  })
})

describe('project page forms', () => {
  it('each form has its own id, per milestone for the milestone forms', () => {
    expect(projectFormId('milestone-create')).toBe('milestone-create')
    expect(projectFormId('milestone-update', 'a'.repeat(24))).toBe(`milestone-update-${'a'.repeat(24)}`)
    expect(projectFormId('status', 'ignored')).toBe('status')
  })

  it('accept only the known statuses and a colleague id', () => {
    const schemas = projectFormSchemas()
    expect(schemas.status.safeParse({ intent: 'status', status: 'paused' }).success).toBe(true)
    expect(schemas.status.safeParse({ intent: 'status', status: 'archived' }).success).toBe(false)
    expect(schemas['member-add'].safeParse({ intent: 'member-add', userId: 'not-an-id' }).success).toBe(false)
    expect(schemas['member-add'].safeParse({ intent: 'member-add', userId: 'b'.repeat(24) }).success).toBe(true)
  })
})
