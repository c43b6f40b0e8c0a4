import type { NeedAction, NeedStatus } from '../needs/lifecycle'
import type { NeedChange } from './schema'

/**
 * Which lifecycle steps the company is told about. The first proposal (in discussion) is said
 * by "proposal received", and the start of a project by "project created": no second notice.
 */
export function needChangeFor(action: NeedAction, to: NeedStatus): NeedChange | null {
  switch (action) {
    case 'submit':
    case 'reopen':
    case 'approve':
      return to === 'published' ? 'published' : to === 'submitted' ? 'submitted' : null
    case 'retract':
      return 'retracted'
    case 'return_to_draft':
      return 'returned'
    case 'close_fulfilled':
      return 'fulfilled'
    case 'abandon':
      return 'abandoned'
    case 'expire':
      return 'expired'
    case 'reject':
      return 'rejected'
    case 'open_discussion':
    case 'start_project':
      return null
  }
}

/** Everyone in `ids` but the person who acted (they know what they did). */
export function othersThan(ids: readonly unknown[], actorId: string | null | undefined): string[] {
  return [...new Set(ids.map(String))].filter((id) => id !== actorId)
}
