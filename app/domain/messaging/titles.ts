import type { ConversationKind } from './model.server'

/**
 * What a conversation is called in the list and on its page: a project room or a question on a
 * need by the need it is about (a room is not its members), a direct conversation by the other
 * person. Pure, shared by both pages.
 */
export function conversationTitle(
  conversation: { kind: ConversationKind; needTitle: string | null; participants: ReadonlyArray<{ id: string; name: string }> },
  me: { id: string; name: string },
): string {
  if (conversation.kind !== 'direct' && conversation.needTitle) return conversation.needTitle
  return (
    conversation.participants
      .filter((person) => person.id !== me.id)
      .map((person) => person.name)
      .filter(Boolean)
      .join(', ') || me.name
  )
}
