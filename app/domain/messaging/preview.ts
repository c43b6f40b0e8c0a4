import type { MessageView } from './schema'

const PREVIEW_LENGTH = 80

/** A message as a short plain line: markdown marks and line breaks removed, cut at a word (pop-ups and the conversation list). */
export function messagePreview(message: Pick<MessageView, 'body' | 'attachments'>): string {
  const text = message.body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (text.length <= PREVIEW_LENGTH) return text
  const cut = text.slice(0, PREVIEW_LENGTH)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : PREVIEW_LENGTH)}…`
}
