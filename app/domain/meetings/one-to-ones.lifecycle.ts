/**
 * A one-to-one request's life, pure:
 *
 *   pending ──accept──▶ accepted ──(scheduled into the grid by the scheduler)
 *      │ └──decline──▶ declined
 *      └──cancel──▶ cancelled ◀──cancel── accepted
 *
 * Only the recipient answers; either side cancels; removing a participant (unregistered,
 * suspended by moderation, meeting cancelled) cancels theirs. Nothing changes once the meeting
 * has started.
 */
export const oneToOneStatuses = ['pending', 'accepted', 'declined', 'cancelled'] as const
export type OneToOneStatus = (typeof oneToOneStatuses)[number]

/** Pending or accepted: holds the pair (no second request) and, when accepted, a seat. */
export const liveOneToOneStatuses = ['pending', 'accepted'] as const satisfies readonly OneToOneStatus[]
export const isLive = (status: OneToOneStatus) => (liveOneToOneStatuses as readonly OneToOneStatus[]).includes(status)

export const oneToOneCancelReasons = ['requester', 'recipient', 'unregistered', 'moderation', 'meeting_cancelled'] as const
export type OneToOneCancelReason = (typeof oneToOneCancelReasons)[number]

export const oneToOneActions = ['accept', 'decline', 'cancel'] as const
export type OneToOneAction = (typeof oneToOneActions)[number]

export type OneToOneSide = 'requester' | 'recipient' | 'none'

/** Whether `side` may do `action` to a request in `status` (the meeting not started yet is checked apart). */
export function allowsOneToOneAction(action: OneToOneAction, status: OneToOneStatus, side: OneToOneSide): boolean {
  switch (action) {
    case 'accept':
    case 'decline':
      return status === 'pending' && side === 'recipient'
    case 'cancel':
      return isLive(status) && side !== 'none'
  }
}

export const availableOneToOneActions = (status: OneToOneStatus, side: OneToOneSide) =>
  oneToOneActions.filter((action) => allowsOneToOneAction(action, status, side))

/** "a:b" with the two ids in order: the same pair whoever asks. */
export const pairKeyOf = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`)
