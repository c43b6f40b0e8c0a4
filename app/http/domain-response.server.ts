import { DomainError, httpStatusOf } from '~/domain/errors'

/**
 * Runs a domain call from a loader/action: a DomainError becomes a thrown HTTP Response
 * with the matching status (rendered by the route's ErrorBoundary); anything else propagates.
 */
export async function orRespond<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof DomainError) {
      throw new Response(error.message, { status: httpStatusOf[error.code] })
    }
    throw error
  }
}
