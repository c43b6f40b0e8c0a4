import { describe, expect, it } from 'vitest'
import { allowsFrom, availableActions } from '~/domain/proposals/lifecycle'
import { proposalStatuses } from '~/domain/proposals/vocabulary'

describe('proposal lifecycle', () => {
  it('offers the proposer edit until shortlisted, and withdraw until decided, whatever the need', () => {
    expect(availableActions({ status: 'submitted' }, 'proposer', { open: false })).toEqual(['edit', 'withdraw'])
    expect(availableActions({ status: 'shortlisted' }, 'proposer', { open: true })).toEqual(['withdraw'])
  })

  it('offers the company its decisions while the need is open and the proposal undecided', () => {
    expect(availableActions({ status: 'submitted' }, 'company', { open: true })).toEqual(['shortlist', 'accept', 'decline'])
    expect(availableActions({ status: 'shortlisted' }, 'company', { open: true })).toEqual(['accept', 'decline'])
    expect(availableActions({ status: 'submitted' }, 'company', { open: false })).toEqual([])
  })

  it('offers nothing on a decided proposal', () => {
    for (const status of ['accepted', 'declined', 'withdrawn', 'not_retained'] as const) {
      expect(availableActions({ status }, 'company', { open: true })).toEqual([])
      expect(availableActions({ status }, 'proposer', { open: true })).toEqual([])
    }
  })

  it('answers allowsFrom for every status', () => {
    expect(proposalStatuses.filter((status) => allowsFrom('accept', status))).toEqual(['submitted', 'shortlisted'])
    expect(proposalStatuses.filter((status) => allowsFrom('edit', status))).toEqual(['submitted'])
  })
})
