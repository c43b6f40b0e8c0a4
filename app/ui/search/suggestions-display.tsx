import { Link } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import type { Language } from '~/i18n/config'
import { domainName } from '~/domain/orgs/labels'
import type { OrgKind } from '~/domain/orgs/kinds'
import type { MatchExplanation, SuggestedNeed, SuggestedPartner, Suggestions } from '~/domain/search/matching'
import '~/i18n/areas/search'

/**
 * "Partenaires suggérés" (need page) and "besoins pour vous" (lab/centre dashboard): a list
 * with, for each suggestion, why in a few words. Loaders call suggestPartners /
 * needsForOrganisation (matching.server.ts) with `context.search` and pass the result here.
 */
function Reasons({ explanation }: { explanation: MatchExplanation }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const reasons = [
    t('search.matching.domains', { domains: explanation.matchedDomains.map((id) => domainName(id, language)).join(', ') }),
    t(`search.matching.trl.${explanation.trlFit}`),
    explanation.distanceKm !== null
      ? t(explanation.distanceApproximate ? 'search.matching.distanceAbout' : 'search.matching.distance', { count: explanation.distanceKm })
      : explanation.proximity
        ? t(`search.matching.proximity.${explanation.proximity}`)
        : null,
  ].filter(Boolean)
  return <p className="muted match-reasons">{reasons.join(' · ')}</p>
}

function SuggestionsShell<T>({ title, lead, suggestions, render }: { title: string; lead: string; suggestions: Suggestions<T>; render: (item: T) => JSX.Element }) {
  const { t } = useTranslation()
  return (
    <section className="match-suggestions" aria-labelledby="match-suggestions-title">
      <h2 id="match-suggestions-title">{title}</h2>
      <p className="muted">{lead}</p>
      {suggestions.status === 'unavailable' ? (
        <p role="status">{t('search.matching.unavailable')}</p>
      ) : suggestions.items.length === 0 ? (
        <p>{t('search.matching.none')}</p>
      ) : (
        <ul className="match-list">{suggestions.items.map(render)}</ul>
      )}
    </section>
  )
}

export function SuggestedPartners({ suggestions }: { suggestions: Suggestions<SuggestedPartner> }) {
  const { t } = useTranslation()
  return (
    <SuggestionsShell
      title={t('search.matching.partnersTitle')}
      lead={t('search.matching.partnersLead')}
      suggestions={suggestions}
      render={(partner) => (
        <li key={partner.id}>
          <Link to={`/organisations/${partner.slug}`}>{partner.name}</Link> <span className="tag tag-muted">{t(`orgKinds.${partner.kind as OrgKind}`)}</span>
          <Reasons explanation={partner.explanation} />
        </li>
      )}
    />
  )
}

export function NeedsForYou({ suggestions }: { suggestions: Suggestions<SuggestedNeed> }) {
  const { t } = useTranslation()
  return (
    <SuggestionsShell
      title={t('search.matching.needsTitle')}
      lead={t('search.matching.needsLead')}
      suggestions={suggestions}
      render={(need) => (
        <li key={need.id}>
          <Link to={`/besoins/${need.id}`}>{need.title}</Link>
          <Reasons explanation={need.explanation} />
        </li>
      )}
    />
  )
}
