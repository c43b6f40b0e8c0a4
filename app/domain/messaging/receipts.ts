/**
 * Who has read up to where, shown under a message (« Lu par … »): each reader under the newest
 * message they have read that someone else wrote — so a receipt never names the author of the
 * message it sits under, and never the person looking at the page. Pure, tested on its own.
 */
export function readersByMessage(
  messages: ReadonlyArray<{ id: string; seq: number; author: { id: string } }>,
  receipts: Readonly<Record<string, number>>,
  participants: ReadonlyArray<{ id: string; name: string }>,
  myId: string,
): Map<string, string[]> {
  const byMessage = new Map<string, string[]>()
  for (const person of participants) {
    const readUpTo = receipts[person.id]
    if (person.id === myId || readUpTo === undefined) continue
    const shownUnder = messages.findLast((message) => message.seq <= readUpTo && message.author.id !== person.id)
    if (shownUnder) byMessage.set(shownUnder.id, [...(byMessage.get(shownUnder.id) ?? []), person.name])
  }
  return byMessage
}
