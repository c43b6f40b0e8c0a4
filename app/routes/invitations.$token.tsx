import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { optionalActor, requireActor } from '~/http/actor.server'
import { tokenParam } from '~/http/params.server'
import { acceptInvitation, getInvitation } from '~/domain/orgs/invitations.server'
import { orRefuse } from '~/http/domain-response.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { Button, ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/orgs'

export const handle: PageHandle<{ invitation: { org: { name: string } } }> = { titleKey: 'layout.pageTitles.organisation', titleFrom: (data) => data && { key: 'orgs.invitation.title', values: { org: data.invitation.org.name } } }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = tokenParam(params)
  const viewer = await optionalActor(request)
  const invitation = await orRefuse(() => getInvitation(viewer, token))
  return { invitation, signedIn: Boolean(viewer) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = tokenParam(params)
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const org = await orRefuse(() => acceptInvitation({ actor, t }, token))
  return redirectWithToast(`/organisations/${org.slug}`, { kind: 'success', message: t('orgs.invitation.accepted', { org: org.name }) })
}

export default function InvitationPage() {
  const { t } = useTranslation()
  const { invitation, signedIn } = useLoaderData<typeof loader>()
  const location = useLocation()
  const navigation = useNavigation()
  const back = encodeURIComponent(location.pathname)
  return (
    <section aria-labelledby="invitation-title" className="org-invitation">
      <h1 id="invitation-title">{t('orgs.invitation.title', { org: invitation.org.name })}</h1>
      {invitation.inviterName ? <p className="lead">{t('orgs.invitation.lead', { inviter: invitation.inviterName, org: invitation.org.name })}</p> : null}
      {invitation.state === 'expired' ? <p className="org-notice">{t('orgs.invitation.expired')}</p> : null}
      {invitation.state === 'used' ? <p className="org-notice">{t('orgs.invitation.used')}</p> : null}
      {invitation.state === 'open' && !signedIn ? (
        <>
          <p>{t('orgs.invitation.signInLead')}</p>
          <div className="org-actions-row">
            <ButtonLink href={`/connexion?redirectTo=${back}`}>{t('orgs.invitation.signIn')}</ButtonLink>
            <ButtonLink href={`/inscription?redirectTo=${back}`} variant="secondary">
              {t('orgs.invitation.signUp')}
            </ButtonLink>
          </div>
        </>
      ) : null}
      {invitation.canAccept ? (
        <Form method="post">
          <Button type="submit" pending={navigation.state === 'submitting'}>
            {t('orgs.invitation.accept')}
          </Button>
        </Form>
      ) : null}
      <p>
        <Link to={`/organisations/${invitation.org.slug}`}>{t('orgs.invitation.seeProfile')}</Link>
      </p>
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
