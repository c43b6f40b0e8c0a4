/**
 * Unread messages by e-mail (issue 14), the pure rule: one e-mail per conversation burst, never
 * one per message. A person is e-mailed about a conversation when the burst is over (no message
 * for a few minutes), messages from others wait unread beyond what was last e-mailed, and they
 * have read what the previous e-mail told them about — someone who has not come back since the
 * last e-mail is not chased again until they do.
 */
export const MESSAGE_QUIET_MS = 3 * 60 * 1000

export function shouldMailBurst({ lastReadSeq, mailedUpToSeq, newestUnreadFromOthers }: { lastReadSeq: number; mailedUpToSeq: number; newestUnreadFromOthers: number | null }): boolean {
  if (newestUnreadFromOthers === null || newestUnreadFromOthers <= Math.max(lastReadSeq, mailedUpToSeq)) return false
  return lastReadSeq >= mailedUpToSeq
}
