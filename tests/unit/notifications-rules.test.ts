import { describe, expect, it } from 'vitest'
import { needActions, needStatuses } from '~/domain/needs/lifecycle'
import { needChangeFor, othersThan } from '~/domain/notifications/rules'
import { meetingChanges, needChanges, notificationActionSchema, notificationKinds, type NotificationView } from '~/domain/notifications/schema'
import { translatorFor } from '~/i18n/translators'
import { notificationText } from '~/ui/notifications'
import { presenceOf } from '../../server/realtime/presence'
import { messagePreview } from '../../server/realtime/publisher'

describe('which need changes the company is told about', () => {
  it('maps each lifecycle action to one notice, or none when another notice says it', () => {
    expect(needChangeFor('approve', 'published')).toBe('published')
    expect(needChangeFor('submit', 'submitted')).toBe('submitted')
    expect(needChangeFor('submit', 'published')).toBe('published')
    expect(needChangeFor('reopen', 'submitted')).toBe('submitted')
    expect(needChangeFor('return_to_draft', 'draft')).toBe('returned')
    expect(needChangeFor('retract', 'draft')).toBe('retracted')
    expect(needChangeFor('close_fulfilled', 'closed')).toBe('fulfilled')
    expect(needChangeFor('abandon', 'closed')).toBe('abandoned')
    expect(needChangeFor('expire', 'closed')).toBe('expired')
    // Said by "proposal received" and "project created".
    expect(needChangeFor('open_discussion', 'in_discussion')).toBeNull()
    expect(needChangeFor('start_project', 'in_project')).toBeNull()
  })

  it('never answers something outside the known changes', () => {
    for (const action of needActions)
      for (const to of needStatuses) {
        const change = needChangeFor(action, to)
        if (change) expect(needChanges).toContain(change)
      }
  })

  it('leaves out the person who acted, once each', () => {
    expect(othersThan(['a', 'b', 'a', 'c'], 'b')).toEqual(['a', 'c'])
    expect(othersThan(['a'], null)).toEqual(['a'])
  })
})

describe('notification texts', () => {
  const samples: Array<Pick<NotificationView, 'kind' | 'data'>> = [
    ...notificationKinds.filter((kind) => kind !== 'need_status' && kind !== 'meeting').map((kind) => ({ kind, data: { needTitle: 'Vision', orgName: 'Labo', meetingTitle: 'Vision', actorName: 'Ana' } })),
    // A meeting's registrants: named by the meeting's title.
    ...meetingChanges.map((meetingChange) => ({ kind: 'meeting' as const, data: { meetingTitle: 'Vision', meetingChange } })),
    { kind: 'proposal_received', data: { needTitle: 'Vision', orgName: 'Labo', inDiscussion: true } },
    ...needChanges.map((change) => ({ kind: 'need_status' as const, data: { needTitle: 'Vision', change } })),
  ]

  it('exist in French and English for every kind and change (no raw key shown)', () => {
    for (const language of ['fr', 'en'] as const) {
      const { t } = translatorFor(language)
      for (const sample of samples) {
        const text = notificationText(t, sample)
        expect(text, `${language} ${sample.kind}`).not.toMatch(/notifications\./)
        // Every kind but a hidden message is about a need, named in the sentence.
        if (sample.kind !== 'message_hidden') expect(text, `${language} ${sample.kind}`).toContain('Vision')
      }
    }
  })

  it('tell the author of a hidden message why, in both languages', () => {
    for (const language of ['fr', 'en'] as const) {
      const { t } = translatorFor(language)
      const text = notificationText(t, { kind: 'message_hidden', data: { reason: 'Démarchage commercial' } })
      expect(text).toMatch(language === 'fr' ? /^Un de vos messages a été masqué par la modération\./ : /^One of your messages was hidden by moderation\./)
      expect(text).toContain('Démarchage commercial')
    }
  })

  it('quote the need, name the proposer to the company, and add a moderator’s reason', () => {
    const { t } = translatorFor('fr')
    expect(notificationText(t, { kind: 'proposal_received', data: { needTitle: 'Vision', orgName: 'FEMTO-ST', inDiscussion: true } })).toBe(
      'FEMTO-ST a proposé une réponse à votre besoin « Vision », qui passe en discussion.',
    )
    expect(notificationText(t, { kind: 'need_status', data: { needTitle: 'Vision', change: 'returned', reason: 'Précisez le budget.' } })).toBe(
      'Votre besoin « Vision » vous est renvoyé en brouillon. Motif : Précisez le budget.',
    )
    expect(notificationText(t, { kind: 'project_member_added', data: { needTitle: 'Vision', actorName: 'Claire Martin' } })).toBe(
      'Claire Martin vous a fait rejoindre le projet né du besoin « Vision ».',
    )
  })

  it('say "a need" when the title may not be told (hidden need)', () => {
    expect(notificationText(translatorFor('fr').t, { kind: 'proposal_declined', data: { needTitle: '' } })).toBe('Votre proposition sur un besoin a été déclinée.')
    expect(notificationText(translatorFor('en').t, { kind: 'proposal_accepted', data: {} })).toBe('Your proposal on a need is accepted: the project starts.')
  })
})

describe('notifications page actions', () => {
  it('accept "read" with an id and "read_all", nothing else', () => {
    expect(notificationActionSchema.safeParse({ intent: 'read', id: '0123456789abcdef01234567' }).success).toBe(true)
    expect(notificationActionSchema.safeParse({ intent: 'read_all' }).success).toBe(true)
    expect(notificationActionSchema.safeParse({ intent: 'read', id: 'nope' }).success).toBe(false)
    expect(notificationActionSchema.safeParse({ intent: 'delete_all' }).success).toBe(false)
  })
})

describe('presence of a person from their tabs', () => {
  it('is online with one tab in use, away when every tab is idle, offline without a tab', () => {
    expect(presenceOf([])).toBe('offline')
    expect(presenceOf(['idle', 'active'])).toBe('online')
    expect(presenceOf([undefined])).toBe('online') // a new tab counts as in use until it says otherwise
    expect(presenceOf(['idle', 'idle'])).toBe('away')
  })
})

describe('message preview in the announcement', () => {
  it('is plain text, without markdown marks, cut at a word', () => {
    expect(messagePreview({ body: 'Bonjour **Bruno**, on se parle du `prototype` ?', attachments: [] })).toBe('Bonjour Bruno, on se parle du prototype ?')
    expect(messagePreview({ body: 'Voir [le plan](https://exemple.test/plan)\n\n> citation', attachments: [] })).toBe('Voir le plan citation')
    const long = messagePreview({ body: 'mot '.repeat(60), attachments: [] })
    expect(long.length).toBeLessThanOrEqual(81)
    expect(long.endsWith('mot…')).toBe(true)
  })
})
