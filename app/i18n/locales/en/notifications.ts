import type notificationsFr from '../fr/notifications'
import type { SameShape } from '../shape'

const notifications: SameShape<typeof notificationsFr> = {
  nav: {
    link: 'Notifications',
    unread_one: '{{count}} unread notification',
    unread_other: '{{count}} unread notifications',
  },
  page: {
    title: 'Notifications',
    lead: 'What concerns your needs, your proposals and your projects. Notifications older than six months are removed automatically.',
    listLabel: 'Your notifications, newest first',
    emptyTitle: 'No notifications',
    emptyText: 'You will be told here when a proposal arrives, when a decision concerns you or when a need changes status.',
    emptyAction: 'Browse needs',
    markAllRead: 'Mark all as read',
    markRead: 'Mark as read',
    open: 'View',
    unread: 'Unread',
    receivedOn: 'Received on {{date}}',
    older: 'Older notifications',
    newest: 'Back to the newest',
    pages: 'Notification pages',
    allRead_one: '{{count}} notification marked as read.',
    allRead_other: '{{count}} notifications marked as read.',
    nothingToMark: 'All your notifications were already read.',
    oneRead: 'Notification marked as read.',
  },
  quoted: '“{{title}}”',
  aNeed: 'a need',
  kinds: {
    proposal_received: '{{org}} proposed an answer to your need {{title}}.',
    proposal_received_discussion: '{{org}} proposed an answer to your need {{title}}, which is now in discussion.',
    proposal_shortlisted: 'Your proposal on {{title}} is shortlisted.',
    proposal_declined: 'Your proposal on {{title}} was declined.',
    proposal_accepted: 'Your proposal on {{title}} is accepted: the project starts.',
    proposal_not_retained: 'Another proposal was chosen for {{title}}.',
    need_hidden: 'Your need {{title}} was hidden by moderation.',
    message_hidden: 'One of your messages was hidden by moderation.',
    project_created: 'A project starts from your need {{title}}.',
    project_member_added: '{{actor}} added you to the project born of the need {{title}}.',
  },
  needStatus: {
    published: 'Your need {{title}} is published.',
    submitted: 'Your need {{title}} is waiting for a facilitator’s review.',
    returned: 'Your need {{title}} was sent back to you as a draft.',
    retracted: 'Your need {{title}} is a draft again.',
    fulfilled: 'Your need {{title}} is closed: it found its answer.',
    abandoned: 'Your need {{title}} is closed (abandoned).',
    expired: 'Your need {{title}} is closed: its deadline has passed.',
    rejected: 'Your need {{title}} was refused by moderation.',
  },
  reason: 'Reason: {{reason}}',
  message: {
    toast: 'New message from {{name}}: {{preview}}',
    toastNoPreview: 'New message from {{name}}.',
  },
  presence: {
    online: 'online',
    away: 'away',
    offline: 'offline',
    listLabel: 'Participants’ presence',
  },
}

export default notifications
