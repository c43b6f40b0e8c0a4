import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { z } from 'zod'
import { kindsRequiringVerification } from '~/domain/orgs/kinds'
import { orgSlugParam } from '~/http/params.server'
import { optionalActor, requireActor } from '~/http/actor.server'
import { orRefuse, refuse, replyWithRefusal } from '~/http/domain-response.server'
import { domainName, filiereName, territoryName } from '~/domain/orgs/labels'
import { joinRequestSchema } from '~/domain/orgs/schema'
import { requestToJoin } from '~/domain/orgs/invitations.server'
import { getOrganisationProfile, verifyOrganisation } from '~/domain/orgs/profile.server'
import { type Language } from '~/i18n/config'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { RouteErrorPage } from '~/ui/error-page'
import { Avatar } from '~/ui/avatar'
import { OrgBadges } from '~/ui/org-badges'
import { readForm } from '~/http/form-data.server'
import { ViewerActions, JoinPanel, TagList } from '~/ui/orgs/org-profile'
import { communeLabel } from '~/domain/places/commune'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/orgs'

export const handle: PageHandle<{ org: { name: string } }> = { titleKey: 'layout.pageTitles.organisation', titleFrom: (data) => data?.org.name }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = orgSlugParam(params)
  const viewer = await optionalActor(request)
  return orRefuse(() => getOrganisationProfile(viewer, slug))
}

const intentSchema = z.object({ intent: z.enum(['join', 'verify']) })

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = orgSlugParam(params)
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const formData = await readForm(request)
  const intent = intentSchema.safeParse({ intent: formData.get('intent') })
  if (!intent.success) refuse('invalid')

  if (intent.data.intent === 'verify') {
    await orRefuse(() => verifyOrganisation({ actor }, slug))
    return redirectWithToast(`/organisations/${slug}`, { kind: 'success', message: t('orgs.profile.verified') })
  }

  const submission = parseWithZod(formData, { schema: joinRequestSchema() })
  if (submission.status !== 'success') return data({ form: 'join', result: submission.reply() }, { status: 400 })
  try {
    await requestToJoin({ actor, t, mailer: context.mailer, publicUrl: context.publicUrl }, slug, submission.value)
  } catch (error) {
    return replyWithRefusal(t, submission, error, { form: 'join' }, { fieldsOnly: true })
  }
  return redirectWithToast(`/organisations/${slug}`, { kind: 'success', message: t('orgs.profile.joinSent') })
}

export default function OrganisationProfile() {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const { org, members, viewer } = useLoaderData<typeof loader>()
  const needsVerification = !org.verified && kindsRequiringVerification.includes(org.kind)
  const trl =
    org.trlMin && org.trlMax
      ? t('orgs.profile.trlRange', { min: org.trlMin, max: org.trlMax })
      : org.trlMin
        ? t('orgs.profile.trlFrom', { min: org.trlMin })
        : org.trlMax
          ? t('orgs.profile.trlUpTo', { max: org.trlMax })
          : null

  return (
    <article aria-labelledby="org-title" className="org-profile">
      <header className="org-profile-head">
        <p className="eyebrow">{t(`orgKinds.${org.kind}`)}</p>
        <h1 id="org-title" className="with-avatar">
          <Avatar id={org.slug} name={org.name} size="lg" organisation />
          {org.name}
        </h1>
        <p className="org-card-meta">
          <OrgBadges kind={org.kind} verified={org.verified} fictional={org.fictional} />
        </p>
        {needsVerification ? <p className="org-notice">{t('orgs.profile.unverifiedNotice')}</p> : null}
        {viewer ? <ViewerActions slug={org.slug} viewer={viewer} /> : null}
      </header>

      <div className="org-profile-body">
        <div className="org-profile-main">
          <section aria-labelledby="org-about">
            <h2 id="org-about">{t('orgs.profile.about')}</h2>
            {org.description ? <p className="org-description">{org.description}</p> : <p className="muted">{t('orgs.profile.noDescription')}</p>}
          </section>

          <section aria-labelledby="org-competencies">
            <h2 id="org-competencies">{t('orgs.profile.competencies')}</h2>
            <dl className="org-facts">
              <dt>{t('orgs.profile.domains')}</dt>
              <dd>
                <TagList items={org.domains.map((id) => domainName(id, language))} empty={t('orgs.profile.notProvided')} />
              </dd>
              <dt>{t('orgs.profile.keywords')}</dt>
              <dd>
                <TagList items={org.keywords} empty={t('orgs.profile.notProvided')} muted />
              </dd>
              <dt>{t('orgs.profile.equipment')}</dt>
              <dd>
                {org.equipment.length ? (
                  <ul className="org-equipment">
                    {org.equipment.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">{t('orgs.profile.notProvided')}</span>
                )}
              </dd>
              <dt>{t('orgs.profile.trl')}</dt>
              <dd>{trl ?? <span className="muted">{t('orgs.profile.notProvided')}</span>}</dd>
              <dt>{t('orgs.profile.filieres')}</dt>
              <dd>
                <TagList items={org.filieres.map((id) => filiereName(id, language))} empty={t('orgs.profile.notProvided')} />
              </dd>
            </dl>
          </section>

          {org.memberOf.length ? (
            <section aria-labelledby="org-member-of">
              <h2 id="org-member-of">{t('orgs.profile.memberOf')}</h2>
              <ul className="org-links">
                {org.memberOf.map((cluster) => (
                  <li key={cluster.slug}>
                    <Link to={`/organisations/${cluster.slug}`}>{cluster.name}</Link> <span className="muted">({t(`orgKinds.${cluster.kind}`)})</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="org-members">
            <h2 id="org-members">{t('orgs.profile.members')}</h2>
            {members.length ? (
              <ul className="org-members">
                {members.map((member) => (
                  <li key={member.userId}>
                    <Link to={`/membres/${member.userId}`}>{member.name}</Link>
                    {member.title ? <span className="muted"> — {member.title}</span> : null}
                    {member.role === 'owner' ? <span className="badge badge-role">{t('orgs.roles.owner')}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('orgs.profile.noListedMembers')}</p>
            )}
          </section>
        </div>

        <aside className="org-profile-aside" aria-label={t('orgs.profile.location')}>
          <section aria-labelledby="org-location" className="card">
            <h2 id="org-location">{t('orgs.profile.location')}</h2>
            {org.location ? (
              <p lang="fr">
                {communeLabel(org.location)}
                <br />
                {org.location.departementName}, {org.location.regionName}
              </p>
            ) : (
              <p className="muted">{t('orgs.profile.notProvided')}</p>
            )}
            {org.territories.length ? (
              <>
                <h3>{t('orgs.profile.territories')}</h3>
                <ul className="tag-list" lang="fr">
                  {org.territories.map((id) => (
                    <li key={id} className="tag tag-muted">
                      <Link to={`/territoires/${id}`}>{territoryName(id)}</Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {org.size ? (
              <>
                <h3>{t('orgs.profile.size')}</h3>
                <p>{t(`orgs.sizes.${org.size}`)}</p>
              </>
            ) : null}
          </section>
          <section aria-labelledby="org-contact" className="card">
            <h2 id="org-contact">{t('orgs.profile.contact')}</h2>
            {org.website ? (
              <p>
                <a href={org.website} rel="nofollow noopener noreferrer external">
                  {org.website.replace(/^https?:\/\//, '')}
                </a>
              </p>
            ) : null}
            {org.contact ? (
              <ul className="org-contact">
                {org.contact.name || org.contact.role ? (
                  <li>
                    {org.contact.name ? <strong>{org.contact.name}</strong> : null}
                    {org.contact.name && org.contact.role ? ' — ' : null}
                    {org.contact.role}
                  </li>
                ) : null}
                {org.contact.email ? (
                  <li>
                    <a href={`mailto:${org.contact.email}`}>{org.contact.email}</a>
                  </li>
                ) : null}
                {org.contact.phone ? (
                  <li>
                    <a href={`tel:${org.contact.phone.replace(/[^+0-9]/g, '')}`}>{org.contact.phone}</a>
                  </li>
                ) : null}
              </ul>
            ) : null}
            {!org.website && !org.contact ? <p className="muted">{t('orgs.profile.notProvided')}</p> : null}
          </section>
          <JoinPanel viewer={viewer} />
        </aside>
      </div>
    </article>
  )
}

export const ErrorBoundary = RouteErrorPage
