import type { ReactNode } from 'react'
import { useTranslation } from '~/i18n/react'
import { formatLongDate } from './dates'
import '~/i18n/areas/legal'

type LegalPageId = 'legalNotice' | 'privacy' | 'terms' | 'accessibility' | 'contact'

/** A key only known at run time (a section id), so the typed-key overloads of `t` cannot apply. */
type LooseT = (key: string, values?: Record<string, unknown>) => string

/**
 * A legal or help page from its translations: a title, a lead, then sections whose bodies are
 * paragraphs (blank line between) and lists (lines starting with "- ").
 */
export function LegalPage({ page, sections, updated, children }: { page: LegalPageId; sections: readonly string[]; updated?: string; children?: ReactNode }) {
  const { t: typedT, i18n } = useTranslation()
  const t = typedT as unknown as LooseT
  return (
    <article className="legal-page" aria-labelledby="legal-title">
      <h1 id="legal-title">{t(`legal.${page}.title`)}</h1>
      <p className="lead">{t(`legal.${page}.lead`)}</p>
      {updated ? <p className="muted">{t('legal.updated', { date: formatLongDate(updated, i18n.language) })}</p> : null}
      {children}
      {sections.map((id) => (
        <section key={id} aria-labelledby={`section-${id}`}>
          <h2 id={`section-${id}`}>{t(`legal.${page}.sections.${id}.heading`)}</h2>
          <RichText text={t(`legal.${page}.sections.${id}.body`)} />
        </section>
      ))}
    </article>
  )
}

/** Paragraphs and "- " lists of a translated text (never HTML: the text is rendered as text). */
export function RichText({ text }: { text: string }) {
  const blocks: ReactNode[] = []
  let list: string[] = []
  const flushList = () => {
    if (list.length) blocks.push(<ul key={`list-${blocks.length}`}>{list.map((item) => <li key={item}>{item}</li>)}</ul>)
    list = []
  }
  for (const line of text.split('\n')) {
    if (line.startsWith('- ')) list.push(line.slice(2))
    else {
      flushList()
      if (line.trim()) blocks.push(<p key={`p-${blocks.length}`}>{line}</p>)
    }
  }
  flushList()
  return <>{blocks}</>
}
