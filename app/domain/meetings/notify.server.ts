import { storeOnlyNotifier, type NotificationDraft, type Notifier } from '../notifications/notifier.server'
import type { MeetingChange } from '../notifications/schema'

/**
 * Tells registrants what happened to their meeting, once the write has committed. The in-app
 * notification becomes an e-mail through the notifications' dispatch (kind `meeting`, immediate
 * by default); both lead to the meeting page, whose calendar file carries the change.
 */
export async function tellRegistrants(notifier: Notifier | undefined, meeting: { id: string; title: string }, change: MeetingChange, userIds: readonly string[]) {
  if (!userIds.length) return
  const drafts: NotificationDraft[] = userIds.map((recipientId) => ({
    recipientId,
    kind: 'meeting',
    data: { meetingTitle: meeting.title.slice(0, 200), meetingChange: change },
    link: `/rencontres/${meeting.id}`,
  }))
  await (notifier ?? storeOnlyNotifier)(drafts)
}
