import { storeOnlyNotifier, type Notifier } from '../notifications/notifier.server'
import type { NotificationKind } from '../notifications/schema'

type OneToOneKind = Extract<NotificationKind, `one_to_one_${string}`>

/**
 * Tells one person about a one-to-one (in the app, and by e-mail per their preferences); leads to
 * their agenda. `oneToOneId` lets the e-mail carry that one-to-one's calendar event (accepted and
 * seated: the invitation; cancelled after a seat: its removal — calendar-mail.server.ts).
 */
export async function notifyOneToOne(
  notifier: Notifier | undefined,
  kind: OneToOneKind,
  { recipientId, actorName, meeting, oneToOneId }: { recipientId: string; actorName: string; meeting: { _id: unknown; title: string }; oneToOneId: string },
) {
  await (notifier ?? storeOnlyNotifier)([
    { recipientId, kind, data: { actorName, meetingTitle: meeting.title, oneToOneId }, link: `/rencontres/${String(meeting._id)}/mon-agenda` },
  ])
}
