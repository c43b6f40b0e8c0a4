import { useEffect } from 'react'

/**
 * The conversations shown on the current page (its own page, or embedded in a project room):
 * a new message there is seen where it appears, so no pop-up announces it.
 */
const onScreen = new Map<string, number>()

export function isConversationOnScreen(conversationId: string): boolean {
  return (onScreen.get(conversationId) ?? 0) > 0
}

/** Marks the conversation as on screen while the calling component is mounted. */
export function useOnScreen(conversationId: string) {
  useEffect(() => {
    onScreen.set(conversationId, (onScreen.get(conversationId) ?? 0) + 1)
    return () => {
      const left = (onScreen.get(conversationId) ?? 1) - 1
      if (left > 0) onScreen.set(conversationId, left)
      else onScreen.delete(conversationId)
    }
  }, [conversationId])
}
