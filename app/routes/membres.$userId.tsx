import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { getMemberProfile } from '~/domain/orgs/profile.server'
import { orRefuse } from '~/http/domain-response.server'
import { idParam } from '~/http/params.server'
import { RouteErrorPage } from '~/ui/error-page'
import { optionalActor } from '~/http/actor.server'
import { StartConversationButton } from '~/ui/conversation-start'
import { OrgBadges } from '~/ui/org-badges'
import { Avatar } from '~/ui/avatar'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/messaging'
import '~/i18n/areas/orgs'
import '~/i18n/areas/reporting'

export const handle: PageHandle<{ user: { name: string } }> = { titleKey: 'layout.pageTitles.member', titleFrom: (data) => data?.user.name }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const userId = idParam(params, 'userId')
  const viewer = await optionalActor(request)
  // Visitors are offered to sign in first; a profile hidden by moderation is a 404 but for its owner.
  return { ...(await orRefuse(() => getMemberProfile(viewer, userId))), signedIn: Boolean(viewer) }
}

/** A person's public page: name, title, and the organisations where they chose to appear. */
export default function MemberProfile() {
  const { t } = useTranslation()
  const { user, organisations, territories, canWrite, canReport, signedIn } = useLoaderData<typeof loader>()
  return (
    <article aria-labelledby="member-title" className="member-profile">
      <h1 id="member-title" className="with-avatar">
        <Avatar id={user.id} name={user.name} size="lg" />
        {user.name}
      </h1>
      {user.title ? <p className="lead">{user.title}</p> : null}
      {user.fictional ? <p><span className="badge badge-fictional">{t('orgs.member.fictional')}</span></p> : null}
      {territories.length ? (
        <p>
          {t('orgs.member.animates')}{' '}
          {territories.map((territory, index) => (
            <span key={territory.id}>
              {index ? ', ' : null}
              <Link to={`/territoires/${territory.id}`} lang="fr">
                {territory.name}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      {canWrite || canReport ? (
        <div className="button-row">
          {canWrite ? <StartConversationButton userId={user.id} name={user.name} /> : null}
          {canReport ? (
            <Link to={`/signaler?kind=user&id=${user.id}`} className="report-link">
              {t('reporting.report.user')}
            </Link>
          ) : null}
        </div>
      ) : null}
      {!signedIn ? (
        <p>
          <Link to={`/connexion?redirectTo=${encodeURIComponent(`/membres/${user.id}`)}`}>{t('messaging.start.signInToWrite')}</Link>
        </p>
      ) : null}
      <section aria-labelledby="member-orgs">
        <h2 id="member-orgs">{t('orgs.member.organisations')}</h2>
        {organisations.length ? (
          <ul className="org-member-rows">
            {organisations.map((org) => (
              <li key={org.slug} className="org-member-row">
                <div>
                  <Link to={`/organisations/${org.slug}`}>{org.name}</Link> <span className="muted">({t(`orgKinds.${org.kind}`)})</span>{' '}
                  <OrgBadges kind={org.kind} verified={org.verified} />
                  <span className="badge badge-role">{t(`orgs.roles.${org.role}`)}</span>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('orgs.member.noOrganisations')}</p>
        )}
      </section>
    </article>
  )
}

export const ErrorBoundary = RouteErrorPage
