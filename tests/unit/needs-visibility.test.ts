import { describe, expect, it } from 'vitest'
import { animatesAnySpace } from '~/domain/permissions'
import { anonymousViewer, needAccess, redactNeed, type NeedViewer } from '~/domain/needs/visibility'

const signedIn: NeedViewer = { ...anonymousViewer, signedIn: true }
const companyMember: NeedViewer = { ...signedIn, companyMember: true }
const scopeAnimator: NeedViewer = { ...signedIn, scopeAnimator: true }
const admin: NeedViewer = { ...signedIn, admin: true }
const projectMember: NeedViewer = { ...signedIn, projectMember: true }

const online = { status: 'published' as const, publishedAt: new Date('2026-01-05') }

describe('need visibility', () => {
  it('shows drafts to company members only', () => {
    const draft = { status: 'draft' as const, confidentiality: 'public' as const }
    expect(needAccess(draft, companyMember).visible).toBe(true)
    for (const viewer of [anonymousViewer, signedIn, scopeAnimator, admin, projectMember]) expect(needAccess(draft, viewer).visible).toBe(false)
  })

  it('shows a need waiting for review to the company and its reviewers', () => {
    const submitted = { status: 'submitted' as const, confidentiality: 'public' as const }
    expect(needAccess(submitted, companyMember).visible).toBe(true)
    expect(needAccess(submitted, scopeAnimator).visible).toBe(true)
    expect(needAccess(submitted, admin).visible).toBe(true)
    expect(needAccess(submitted, signedIn).visible).toBe(false)
    expect(needAccess(submitted, anonymousViewer).visible).toBe(false)
  })

  it('keeps a need closed before it ever went online as private as a submitted one', () => {
    expect(needAccess({ status: 'closed', confidentiality: 'public', publishedAt: null }, signedIn).visible).toBe(false)
    expect(needAccess({ status: 'closed', confidentiality: 'public', publishedAt: new Date() }, anonymousViewer).visible).toBe(true)
  })

  it('shows a need hidden by moderation to its company and its reviewers only, whatever its level', () => {
    const hidden = { ...online, confidentiality: 'public' as const, hidden: true }
    for (const viewer of [companyMember, scopeAnimator, admin]) expect(needAccess(hidden, viewer).visible).toBe(true)
    for (const viewer of [anonymousViewer, signedIn, projectMember]) expect(needAccess(hidden, viewer).visible).toBe(false)
    expect(needAccess({ ...hidden, hidden: false }, anonymousViewer).visible).toBe(true)
  })

  it('shows a public need entirely to everyone', () => {
    expect(needAccess({ ...online, confidentiality: 'public' }, anonymousViewer)).toEqual({ visible: true, showCompany: true, showDetails: true })
  })

  it('keeps the details of a members-only need for signed-in people', () => {
    expect(needAccess({ ...online, confidentiality: 'members' }, anonymousViewer)).toEqual({ visible: true, showCompany: true, showDetails: false })
    expect(needAccess({ ...online, confidentiality: 'members' }, signedIn)).toEqual({ visible: true, showCompany: true, showDetails: true })
  })

  it('hides an anonymised company from everyone but its members, the animators of its scope and the project members', () => {
    const anonymous = { ...online, confidentiality: 'anonymous' as const }
    expect(needAccess(anonymous, anonymousViewer)).toEqual({ visible: true, showCompany: false, showDetails: false })
    expect(needAccess(anonymous, signedIn)).toEqual({ visible: true, showCompany: false, showDetails: true })
    expect(needAccess(anonymous, admin).showCompany).toBe(false)
    expect(needAccess(anonymous, companyMember).showCompany).toBe(true)
    expect(needAccess(anonymous, scopeAnimator).showCompany).toBe(true)
    expect(needAccess(anonymous, projectMember).showCompany).toBe(true)
  })

  it('redacts hidden fields to null and says what was hidden', () => {
    const view = { title: 'T', company: { id: 'c', name: 'ACME' }, description: 'secret', trlCurrent: 3, trlTarget: 6, budgetRange: 'lt_10k', deadline: '2026-05-01', communeName: 'Morez' }
    expect(redactNeed(view, { visible: true, showCompany: false, showDetails: false })).toEqual({
      title: 'T',
      company: null,
      description: null,
      trlCurrent: null,
      trlTarget: null,
      budgetRange: null,
      deadline: null,
      communeName: null,
      companyHidden: true,
      detailsHidden: true,
    })
    expect(redactNeed(view, { visible: true, showCompany: true, showDetails: true })).toEqual({ ...view, companyHidden: false, detailsHidden: false })
  })

  it('matches an animator to a need through its territory or one of its clusters', () => {
    const spaces = [
      { kind: 'territory' as const, ref: 'haut-jura' },
      { kind: 'organisation' as const, ref: 'cluster-1' },
    ]
    expect(animatesAnySpace([{ kind: 'territory', ref: 'haut-jura' }], spaces)).toBe(true)
    expect(animatesAnySpace([{ kind: 'organisation', ref: 'cluster-1' }], spaces)).toBe(true)
    expect(animatesAnySpace([{ kind: 'organisation', ref: 'haut-jura' }], spaces)).toBe(false)
    expect(animatesAnySpace([{ kind: 'territory', ref: 'mayenne' }], spaces)).toBe(false)
    expect(animatesAnySpace([], spaces)).toBe(false)
  })
})
