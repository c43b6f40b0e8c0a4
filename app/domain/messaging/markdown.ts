/**
 * The small markdown subset messages may use — paragraphs, line breaks, lists, **bold**,
 * `code`, fenced code blocks and links — rendered escaping-first: every piece of user text goes
 * through `escapeHtml`, the only tags in the output are the ones written below, and links keep
 * only http(s) and mailto URLs. No user HTML is ever parsed, so none can survive.
 */

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])
const LINK_REL = 'noopener noreferrer nofollow ugc'

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)
}

/** A link target we are willing to render, normalised by the URL parser; null otherwise. */
export function safeHref(raw: string): string | null {
  // Control characters and whitespace inside a scheme are the classic `java\tscript:` trick.
  if (/[\u0000-\u0020\u007f]/.test(raw)) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : null
}

const link = (href: string, text: string) => `<a href="${escapeHtml(href)}" rel="${LINK_REL}">${text}</a>`

// `code` | **bold** | [text](url) | bare http(s) URL (trailing punctuation left out)
const INLINE = /`([^`\n]+)`|\*\*([^*\n]+?)\*\*|\[([^\]\n]{1,500})\]\(([^()\s]{1,2000})\)|(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]])/g

function renderInline(text: string): string {
  let out = ''
  let last = 0
  for (const match of text.matchAll(INLINE)) {
    out += escapeHtml(text.slice(last, match.index))
    last = match.index + match[0].length
    const [whole, code, bold, linkText, linkUrl, bare] = match
    if (code !== undefined) out += `<code>${escapeHtml(code)}</code>`
    else if (bold !== undefined) out += `<strong>${renderInline(bold)}</strong>`
    else if (linkText !== undefined && linkUrl !== undefined) {
      const href = safeHref(linkUrl)
      out += href ? link(href, escapeHtml(linkText)) : escapeHtml(whole)
    } else if (bare !== undefined) {
      const href = safeHref(bare)
      out += href ? link(href, escapeHtml(bare)) : escapeHtml(bare)
    }
  }
  return out + escapeHtml(text.slice(last))
}

const BULLET = /^\s*[-*]\s+(.*)$/
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/
const FENCE = /^\s*```/

// One line with no markdown mark at all: no line break, no `code`, **bold**, [link] or URL, and
// not a list item. Most chat messages are such a line; they skip the block and inline parsers.
const MARKUP = /[\r\n`*[]|:\/\//
const plainLine = (source: string) => !MARKUP.test(source) && !BULLET.test(source) && !NUMBERED.test(source)

/** Markdown source → safe HTML (see the module comment for what is kept). */
export function renderMessageHtml(source: string): string {
  if (plainLine(source)) {
    const text = source.trim()
    return text ? `<p>${escapeHtml(text)}</p>` : ''
  }
  return renderMarkdown(source)
}

/** The full renderer (exported for the test that checks the plain-line shortcut against it). */
export function renderMarkdown(source: string): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const blocks: string[] = []
  let paragraph: string[] = []
  let list: { tag: 'ul' | 'ol'; items: string[] } | null = null
  const flushParagraph = () => {
    if (paragraph.length) blocks.push(`<p>${paragraph.map(renderInline).join('<br>')}</p>`)
    paragraph = []
  }
  const flushList = () => {
    if (list) blocks.push(`<${list.tag}>${list.items.map((item) => `<li>${renderInline(item)}</li>`).join('')}</${list.tag}>`)
    list = null
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (FENCE.test(line)) {
      flushParagraph()
      flushList()
      const code: string[] = []
      i++
      while (i < lines.length && !FENCE.test(lines[i]!)) code.push(lines[i++]!)
      blocks.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`)
      continue
    }
    const bullet = BULLET.exec(line)
    const numbered = bullet ? null : NUMBERED.exec(line)
    if (bullet || numbered) {
      flushParagraph()
      const tag = bullet ? 'ul' : 'ol'
      if (list && list.tag !== tag) flushList()
      list ??= { tag, items: [] }
      list.items.push((bullet ?? numbered)![1]!)
      continue
    }
    flushList()
    if (line.trim() === '') flushParagraph()
    else paragraph.push(line.trim())
  }
  flushParagraph()
  flushList()
  return blocks.join('')
}
