import { describe, expect, it } from 'vitest'
import { nextStepFor, nextStepLinks } from '~/domain/users/onboarding'

describe('the next step after the address is verified', () => {
  it.each([
    ['industrialist', false, 'joinCompany'],
    ['industrialist', true, 'postNeed'],
    ['researcher', false, 'joinLab'],
    ['researcher', true, 'findNeeds'],
    ['animator', false, 'account'],
    ['admin', true, 'account'],
  ] as const)('%s, member of an organisation: %s → %s', (role, member, step) => {
    expect(nextStepFor(role, member)).toBe(step)
  })

  it('creating an organisation preselects the kind the persona needs', () => {
    expect(nextStepLinks.joinCompany.primary).toContain('type=company')
    expect(nextStepLinks.joinLab.primary).toContain('type=lab')
  })
})
