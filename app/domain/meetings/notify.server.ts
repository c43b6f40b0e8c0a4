import { storeOnlyNotifier, type NotificationDraft, type Notifier } from '../notifications/notifier.server'
import type { MeetingChange } from '../notifications/schema'

/** The notification's link, the meeting page; the e-mail dispatch reads the meeting back from it (calendar-mail.server.ts). */
export const meetingLink = (meetingId: string) => `/rencontres/${meetingId}`
export const meetingIdOfLink = (link: string) => /^\/rencontres\/([a-f0-9]{24})$/.exec(link)?.[1] ?? null

/**
 * Tells registrants what happened to their meeting, once the write has committed. The in-app
 * notification becomes an e-mail through the notifications' dispatch (kind `meeting`, immediate
 * by default); both lead to the meeting page, whose calendar file carries the change; the e-mail to a
 * registrant holding a seat also carries that file (calendar-mail.server.ts).
 */
export async function tellRegistrants(notifier: Notifier | undefined, meeting: { id: string; title: string }, change: MeetingChange, userIds: readonly string[]) {
  if (!userIds.length) return
  const drafts: NotificationDraft[] = userIds.map((recipientId) => ({
    recipientId,
    kind: 'meeting',
    data: { meetingTitle: meeting.title.slice(0, 200), meetingChange: change },
    link: meetingLink(meeting.id),
  }))
  await (notifier ?? storeOnlyNotifier)(drafts)
}
