import { dateTimeFormat } from '~/i18n/formats'
import { useTranslation } from '~/i18n/react'
import type { Language } from '~/i18n/config'
import '~/i18n/areas/needs'

/**
 * The organisations the animators recommended for a need, with their notes. Feed it the output
 * of `recommendationsForNeed(actor, needId)` (app/domain/moderation/service.server.ts), which is
 * empty for anyone but the company's members and the animators of the need's spaces.
 */
export type RecommendationItem = { id: string; org: { name: string; slug: string }; note: string; animatorName: string; createdAt: string }

export function Recommendations({ items, headingLevel = 2 }: { items: readonly RecommendationItem[]; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation()
  if (!items.length) return null
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const date = dateTimeFormat((i18n.language as Language) === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' })
  return (
    <section aria-labelledby="recommendations-title" className="recommendations">
      <Heading id="recommendations-title">{t('needs.recommendations.title')}</Heading>
      <ul>
        {items.map((item) => (
          <li key={item.id} className="card">
            <a href={`/organisations/${item.org.slug}`}>{item.org.name}</a>
            <p>{item.note}</p>
            <p className="muted">{t('needs.recommendations.by', { name: item.animatorName, date: date.format(new Date(item.createdAt)) })}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}
