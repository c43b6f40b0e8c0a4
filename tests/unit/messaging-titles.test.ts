import { describe, expect, it } from 'vitest'
import { conversationTitle } from '~/domain/messaging/titles'

const me = { id: 'me', name: 'Camille Martin' }
const people = [me, { id: 'jean', name: 'Jean Dupont' }, { id: 'ines', name: 'Inès Roy' }]

describe('conversation titles', () => {
  it('names a project room and a question by the need they are about, not by their members', () => {
    expect(conversationTitle({ kind: 'project', needTitle: 'Branches imprimées en 3D', participants: people }, me)).toBe('Branches imprimées en 3D')
    expect(conversationTitle({ kind: 'need_question', needTitle: 'Contrôle qualité', participants: people }, me)).toBe('Contrôle qualité')
  })

  it('names a direct conversation by the others, and falls back on names when the need is gone', () => {
    expect(conversationTitle({ kind: 'direct', needTitle: null, participants: people.slice(0, 2) }, me)).toBe('Jean Dupont')
    expect(conversationTitle({ kind: 'project', needTitle: null, participants: people }, me)).toBe('Jean Dupont, Inès Roy')
    expect(conversationTitle({ kind: 'direct', needTitle: null, participants: [me] }, me)).toBe('Camille Martin')
  })
})
