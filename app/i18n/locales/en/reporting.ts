/** Strings of reporting and appeals: report a need or a member, contest a moderation decision (English). */
const reporting = {
  report: {
    title: 'Report',
    need: 'Report this need',
    user: 'Report this profile',
    reason: 'What is wrong?',
    submit: 'Send the report',
    sent: 'Thank you: the animators will look at your report.',
  },
  appeal: {
    title: 'Hidden content',
    lead: 'What the animators hid among your content, and why. You may appeal each hiding once.',
    empty: 'None of your content is hidden.',
    kind: { need: 'Need', user: 'Your profile' },
    hiddenOn: 'Hidden on {{date}}',
    reason: 'Reason: {{reason}}',
    text: 'Your appeal',
    submit: 'Appeal',
    sent: 'Your appeal was sent to the animators.',
    appealed: 'Appeal sent on {{date}}.',
    decision: { lifted: 'Appeal granted: the content is visible again.', upheld: 'Appeal rejected: the content stays hidden.' },
  },
}

export default reporting
