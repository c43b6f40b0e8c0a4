import { describe, expect, it } from 'vitest'
import { renderMessageHtml, safeHref } from '~/domain/messaging/markdown'

/** Every tag the renderer may produce; anything else in the output is a defect. */
const ALLOWED_TAG = /^<\/?(p|br|ul|ol|li|strong|code|pre)>$|^<a href="[^"<>]*" rel="noopener noreferrer nofollow ugc">$|^<\/a>$/
const tagsOf = (html: string) => html.match(/<[^>]*>/g) ?? []

const attacks = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[clic](javascript:alert(1))',
  '[clic](JaVaScRiPt:alert(1))',
  '[clic](java\tscript:alert(1))',
  '[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[clic](vbscript:msgbox(1))',
  '[x](https://exemple.fr/"onmouseover="alert(1))',
  '**<svg onload=alert(1)>**',
  '`<script>alert(1)</script>`',
  '- <iframe src="javascript:alert(1)"></iframe>',
  '```\n</code></pre><script>alert(1)</script>\n```',
  'https://exemple.fr/<script>alert(1)</script>',
  '<<script>script>alert(1)<</script>/script>',
  '[<b onclick=alert(1)>x</b>](https://exemple.fr)',
]

describe('message markdown', () => {
  it.each(attacks)('never lets markup or script through: %s', (source) => {
    const html = renderMessageHtml(source)
    for (const tag of tagsOf(html)) expect(tag).toMatch(ALLOWED_TAG)
    // Typed markup stays visible as escaped text; inside real tags no handler or script URL appears.
    expect(html).not.toMatch(/<(script|img|svg|iframe|b)\b/i)
    for (const tag of tagsOf(html)) expect(tag).not.toMatch(/\son\w+=|(javascript|data|vbscript):/i)
  })

  it('shows HTML typed in a message as text', () => {
    expect(renderMessageHtml('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')
  })

  it('renders bold, inline code, links and bare URLs', () => {
    expect(renderMessageHtml('**Important** : `npm test` puis [la doc](https://exemple.fr/doc?a=1&b=2)')).toBe(
      '<p><strong>Important</strong> : <code>npm test</code> puis <a href="https://exemple.fr/doc?a=1&amp;b=2" rel="noopener noreferrer nofollow ugc">la doc</a></p>',
    )
    expect(renderMessageHtml('Voir https://exemple.fr/page.')).toBe(
      '<p>Voir <a href="https://exemple.fr/page" rel="noopener noreferrer nofollow ugc">https://exemple.fr/page</a>.</p>',
    )
  })

  it('keeps a refused link as plain text', () => {
    expect(renderMessageHtml('[clic](javascript:alert(1))')).toBe('<p>[clic](javascript:alert(1))</p>')
  })

  it('renders bullet and numbered lists, paragraphs and line breaks', () => {
    expect(renderMessageHtml('Bonjour,\nvoici :\n\n- un\n- **deux**\n\n1. premier\n2. second')).toBe(
      '<p>Bonjour,<br>voici :</p><ul><li>un</li><li><strong>deux</strong></li></ul><ol><li>premier</li><li>second</li></ol>',
    )
  })

  it('renders fenced code verbatim and escaped', () => {
    expect(renderMessageHtml('```\nif (a < b) **x**\n```')).toBe('<pre><code>if (a &lt; b) **x**</code></pre>')
  })

  it('accepts only http, https and mailto link targets', () => {
    expect(safeHref('https://exemple.fr')).toBe('https://exemple.fr/')
    expect(safeHref('mailto:contact@exemple.fr')).toBe('mailto:contact@exemple.fr')
    expect(safeHref('javascript:alert(1)')).toBeNull()
    expect(safeHref(' javascript:alert(1)')).toBeNull()
    expect(safeHref('/relative')).toBeNull()
    expect(safeHref('file:///etc/passwd')).toBeNull()
  })
})
