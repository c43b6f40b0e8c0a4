import type { Translate } from '~/i18n/translator'
import type { NotificationData, NotificationKind } from './schema'
import '~/i18n/areas/notifications'

/** The sentence of a notification, in the reader's language, from what was stored (pages, toasts and e-mails). */
export function notificationText(t: Translate, notification: { kind: NotificationKind; data: NotificationData }): string {
  const { data } = notification
  const title = data.needTitle ? t('notifications.quoted', { title: data.needTitle }) : t('notifications.aNeed')
  let text: string
  switch (notification.kind) {
    case 'need_status':
      text = t(`notifications.needStatus.${data.change ?? 'published'}`, { title })
      break
    case 'proposal_received':
      text = t(data.inDiscussion ? 'notifications.kinds.proposal_received_discussion' : 'notifications.kinds.proposal_received', { title, org: data.orgName ?? '' })
      break
    case 'project_member_added':
      text = t('notifications.kinds.project_member_added', { title, actor: data.actorName ?? '' })
      break
    case 'one_to_one_requested':
    case 'one_to_one_accepted':
    case 'one_to_one_declined':
    case 'one_to_one_cancelled':
      text = t(`notifications.kinds.${notification.kind}`, { actor: data.actorName ?? '', meeting: data.meetingTitle ?? '' })
      break
    case 'meeting':
      text = t(`notifications.meeting.${data.meetingChange ?? 'changed'}`, { title: t('notifications.quoted', { title: data.meetingTitle ?? '' }) })
      break
    default:
      text = t(`notifications.kinds.${notification.kind}`, { title })
  }
  return data.reason ? `${text} ${t('notifications.reason', { reason: data.reason })}` : text
}
