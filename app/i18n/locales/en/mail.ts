import type mailFr from '../fr/mail'
import type { SameShape } from '../shape'

const mail: SameShape<typeof mailFr> = {
  errors: {
    invalid: 'This e-mail cannot be sent.',
    lineBreak: 'A line break is not allowed here.',
    address: 'Invalid e-mail address.',
    subject: 'The subject is empty.',
    header: 'Header refused.',
  },
  greeting: 'Hello {{name}},',
  signature: 'The Passerelle team',
  open: 'View on Passerelle',
  footer: {
    reasonKind: 'You receive this e-mail because your preferences ask for an e-mail about: {{kind}}.',
    reasonDigest: 'You receive this summary because your preferences ask for it.',
    preferences: 'Manage my e-mails',
    unsubscribe: 'Stop these e-mails',
  },
  notification: {
    title: 'News on Passerelle',
  },
  digest: {
    subject_daily_one: 'Passerelle: {{count}} update today',
    subject_daily_other: 'Passerelle: {{count}} updates today',
    subject_weekly_one: 'Passerelle: {{count}} update this week',
    subject_weekly_other: 'Passerelle: {{count}} updates this week',
    title_daily: 'Your daily summary',
    title_weekly: 'Your weekly summary',
    intro: 'Here is what happened since your last summary:',
    action: 'See all my notifications',
    receivedOn: 'on {{date}}',
    forYou: 'Needs for you',
    forYouIntro: 'Published needs that match your organisation’s competencies:',
  },
  messages: {
    subject: '{{names}} wrote to you on Passerelle',
    title: 'Unread message',
    intro_one: 'You have {{count}} unread message in a conversation with {{names}}.',
    intro_other: 'You have {{count}} unread messages in a conversation with {{names}}.',
    action: 'Read and reply',
  },
  kinds: {
    proposal_received: 'Proposal received on one of your needs',
    proposal_shortlisted: 'Your proposal is shortlisted',
    proposal_declined: 'Your proposal is declined',
    proposal_accepted: 'Your proposal is accepted',
    proposal_not_retained: 'Your proposal is not retained',
    need_status: 'Status change of one of your needs',
    need_hidden: 'Moderation decision on one of your needs',
    project_created: 'A project starts from your need',
    project_member_added: 'You are added to a project',
    message: 'Unread messages (one e-mail per conversation, after a few minutes)',
  },
  modes: {
    in_app: 'In the app only',
    immediate: 'Immediate e-mail',
    daily: 'Daily summary',
    weekly: 'Weekly summary',
  },
  preferences: {
    title: 'E-mails',
    lead: 'For each kind of event, choose how you are told. Summaries go out in the morning (on Mondays for the weekly one).',
    save: 'Update my e-mail preferences',
    saved: 'Your e-mail preferences are saved.',
    unverified: 'No notification e-mail is sent until your address is confirmed.',
  },
  unsubscribe: {
    title: 'Unsubscribe',
    invalid: 'This unsubscribe link is not valid. You can manage your e-mails from « My account ».',
    confirm_kind: 'Stop e-mails about: {{kind}}?',
    confirm_digest_daily: 'Stop the daily summary?',
    confirm_digest_weekly: 'Stop the weekly summary?',
    confirm_all: 'Stop every notification e-mail?',
    button: 'Confirm unsubscribing',
    done: 'Done: you will no longer receive these e-mails. Notifications stay visible in the app.',
    already: 'You were already unsubscribed from these e-mails.',
    manage: 'Manage all my e-mails',
  },
}

export default mail
