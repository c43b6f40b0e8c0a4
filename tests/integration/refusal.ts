import { expect } from 'vitest'
import { DomainError } from '~/domain/errors'

/** Runs a call expected to be refused (a DomainError) and returns what the refusal says. */
export async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error, 'the call should have been refused').toBeInstanceOf(DomainError)
  const domainError = error as DomainError
  return { code: domainError.code, message: domainError.message, fieldErrors: domainError.fieldErrors }
}

/** The code alone ("forbidden", "not_found"…), for the suites that check only that. */
export const refusalCode = async (work: Promise<unknown>) => (await refusal(work)).code
