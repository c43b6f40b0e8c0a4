import { describe, expect, it } from 'vitest'
import {
  availableActions,
  isDeadlinePassed,
  needActions,
  planTransition,
  type NeedActorRelation,
  type NeedState,
  type NeedStatus,
} from '~/domain/needs/lifecycle'

const company: NeedActorRelation = { companyMember: true, reviewer: false, system: false }
const reviewer: NeedActorRelation = { companyMember: false, reviewer: true, system: false }
const system: NeedActorRelation = { companyMember: false, reviewer: false, system: true }
const stranger: NeedActorRelation = { companyMember: false, reviewer: false, system: false }

const now = new Date('2026-03-10T15:00:00Z')
const ctx = { reviewRequired: false, now }
const need = (status: NeedStatus, extra: Partial<NeedState> = {}): NeedState => ({ status, hasProject: false, ...extra })

describe('need lifecycle', () => {
  it('publishes on submission when no review is required, else waits for an animator', () => {
    expect(planTransition(need('draft'), 'submit', company, ctx)).toEqual({ ok: true, from: 'draft', to: 'published', closedReason: null })
    expect(planTransition(need('draft'), 'submit', company, { ...ctx, reviewRequired: true })).toEqual({ ok: true, from: 'draft', to: 'submitted', closedReason: null })
    expect(planTransition(need('submitted'), 'approve', reviewer, ctx)).toMatchObject({ ok: true, to: 'published' })
  })

  it('lets each party do only its own steps', () => {
    expect(planTransition(need('submitted'), 'approve', company, ctx)).toEqual({ ok: false, refusal: 'forbidden' })
    expect(planTransition(need('draft'), 'submit', reviewer, ctx)).toEqual({ ok: false, refusal: 'forbidden' })
    expect(planTransition(need('draft'), 'submit', stranger, ctx)).toEqual({ ok: false, refusal: 'forbidden' })
    expect(planTransition(need('published'), 'open_discussion', company, ctx)).toEqual({ ok: false, refusal: 'forbidden' })
    expect(planTransition(need('published'), 'open_discussion', system, ctx)).toMatchObject({ ok: true, to: 'in_discussion' })
    expect(planTransition(need('published', { deadline: new Date('2026-03-01') }), 'expire', company, ctx)).toEqual({ ok: false, refusal: 'forbidden' })
  })

  it('lets a reviewer reject a submitted need for good, with a reason, from the moderation queue only', () => {
    expect(planTransition(need('submitted'), 'reject', reviewer, { ...ctx, reason: 'Hors sujet' })).toEqual({ ok: true, from: 'submitted', to: 'closed', closedReason: 'abandoned' })
    expect(planTransition(need('submitted'), 'reject', reviewer, ctx)).toEqual({ ok: false, refusal: 'reason_required' })
    expect(planTransition(need('submitted'), 'reject', company, { ...ctx, reason: 'x' })).toEqual({ ok: false, refusal: 'forbidden' })
    expect(planTransition(need('published'), 'reject', reviewer, { ...ctx, reason: 'x' })).toEqual({ ok: false, refusal: 'invalid_state' })
    expect(availableActions(need('submitted'), reviewer, ctx)).not.toContain('reject')
  })

  it('refuses steps that do not start from the current status', () => {
    expect(planTransition(need('published'), 'submit', company, ctx)).toEqual({ ok: false, refusal: 'invalid_state' })
    expect(planTransition(need('draft'), 'approve', reviewer, ctx)).toEqual({ ok: false, refusal: 'invalid_state' })
    expect(planTransition(need('in_project'), 'start_project', company, ctx)).toEqual({ ok: false, refusal: 'invalid_state' })
    expect(planTransition(need('published'), 'close_fulfilled', company, ctx)).toEqual({ ok: false, refusal: 'invalid_state' })
    expect(planTransition(need('closed', { closedReason: 'abandoned' }), 'abandon', company, ctx)).toEqual({ ok: false, refusal: 'invalid_state' })
  })

  it('goes from discussion to project to fulfilled', () => {
    expect(planTransition(need('in_discussion'), 'start_project', company, ctx)).toMatchObject({ ok: true, to: 'in_project' })
    expect(planTransition(need('published'), 'start_project', company, ctx)).toMatchObject({ ok: true, to: 'in_project' })
    expect(planTransition(need('in_project'), 'close_fulfilled', company, ctx)).toEqual({ ok: true, from: 'in_project', to: 'closed', closedReason: 'fulfilled' })
    expect(planTransition(need('in_project'), 'abandon', company, ctx)).toMatchObject({ ok: true, closedReason: 'abandoned' })
  })

  it('expires only once the deadline day is over', () => {
    expect(planTransition(need('published', { deadline: new Date('2026-03-10T00:00:00Z') }), 'expire', system, ctx)).toEqual({ ok: false, refusal: 'deadline_not_passed' })
    expect(planTransition(need('published', { deadline: new Date('2026-03-09T00:00:00Z') }), 'expire', system, ctx)).toEqual({
      ok: true,
      from: 'published',
      to: 'closed',
      closedReason: 'expired',
    })
    expect(planTransition(need('in_project', { deadline: new Date('2026-01-01') }), 'expire', system, ctx)).toEqual({ ok: false, refusal: 'invalid_state' })
    expect(planTransition(need('published'), 'expire', system, ctx)).toEqual({ ok: false, refusal: 'deadline_not_passed' })
    expect(isDeadlinePassed(new Date('2026-03-09T00:00:00Z'), new Date('2026-03-10T00:00:00Z'))).toBe(true)
    expect(isDeadlinePassed(new Date('2026-03-10T00:00:00Z'), new Date('2026-03-10T23:59:59Z'))).toBe(false)
    expect(isDeadlinePassed(null, now)).toBe(false)
  })

  it('reopens abandoned or expired needs with a future deadline, never fulfilled ones or those that led to a project', () => {
    expect(planTransition(need('closed', { closedReason: 'abandoned' }), 'reopen', company, ctx)).toMatchObject({ ok: true, to: 'published' })
    expect(planTransition(need('closed', { closedReason: 'abandoned' }), 'reopen', company, { ...ctx, reviewRequired: true })).toMatchObject({ ok: true, to: 'submitted' })
    expect(planTransition(need('closed', { closedReason: 'expired', deadline: new Date('2026-03-01') }), 'reopen', company, ctx)).toEqual({ ok: false, refusal: 'deadline_passed' })
    expect(planTransition(need('closed', { closedReason: 'expired', deadline: new Date('2026-04-01') }), 'reopen', company, ctx)).toMatchObject({ ok: true })
    expect(planTransition(need('closed', { closedReason: 'fulfilled' }), 'reopen', company, ctx)).toEqual({ ok: false, refusal: 'invalid_state' })
    expect(planTransition(need('closed', { closedReason: 'abandoned', hasProject: true }), 'reopen', company, ctx)).toEqual({ ok: false, refusal: 'invalid_state' })
  })

  it('asks reviewers for a reason when sending a need back', () => {
    expect(planTransition(need('submitted'), 'return_to_draft', reviewer, { ...ctx, reason: '  ' })).toEqual({ ok: false, refusal: 'reason_required' })
    expect(planTransition(need('submitted'), 'return_to_draft', reviewer, { ...ctx, reason: 'Trop vague' })).toMatchObject({ ok: true, to: 'draft' })
  })

  it('offers people the buttons that fit, never the system’s steps', () => {
    expect(availableActions(need('draft'), company, ctx)).toEqual(['submit'])
    expect(availableActions(need('submitted'), company, ctx)).toEqual(['retract', 'abandon'])
    expect(availableActions(need('submitted'), reviewer, ctx)).toEqual(['approve', 'return_to_draft'])
    expect(availableActions(need('in_discussion'), company, ctx)).toEqual(['abandon'])
    expect(availableActions(need('in_project'), company, ctx)).toEqual(['close_fulfilled', 'abandon'])
    expect(availableActions(need('published'), stranger, ctx)).toEqual([])
    expect(availableActions(need('closed', { closedReason: 'expired', deadline: new Date('2026-01-01') }), company, ctx)).toEqual(['reopen'])
    for (const status of ['draft', 'submitted', 'published', 'in_discussion', 'in_project', 'closed'] as const) {
      const offered = availableActions(need(status), { companyMember: true, reviewer: true, system: true }, ctx)
      expect(offered).not.toContain('expire')
      expect(offered).not.toContain('open_discussion')
      expect(offered).not.toContain('start_project')
      expect(offered.every((action) => needActions.includes(action))).toBe(true)
    }
  })
})
