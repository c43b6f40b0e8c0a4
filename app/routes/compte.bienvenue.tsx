import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { selfServiceRoles } from '~/domain/users/roles'
import { getOwnAccount } from '~/domain/users/service.server'
import { requireActor } from '~/http/actor.server'
import { orRefuse } from '~/http/domain-response.server'
import { RouteErrorPage } from '~/ui/error-page'
import { ButtonLink } from '~/ui/button'
import { safeRedirectPath } from '~/http/safe-redirect'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/auth'

export const handle: PageHandle<{ name: string }> = { titleKey: 'auth.account.title', titleFrom: (data) => data && { key: 'auth.welcome.title', values: { name: data.name } } }

/** Right after sign-up: what happens next (the e-mail to open, then the first steps). */
export async function loader({ request }: LoaderFunctionArgs) {
  const account = await orRefuse(async () => getOwnAccount(await requireActor(request)))
  const params = new URL(request.url).searchParams
  const next = safeRedirectPath.parse(params.get('suite') ?? undefined)
  // The first step that depends on what the person came for (animators and admins are appointed, not welcomed).
  const roleStep = selfServiceRoles.find((role) => role === account.role) ?? null
  return { name: account.name, email: account.email, roleStep, emailVerified: account.emailVerified, next }
}

export default function Welcome() {
  const { t } = useTranslation()
  const { name, email, roleStep, emailVerified, next } = useLoaderData<typeof loader>()
  return (
    <section className="auth-page" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('auth.welcome.title', { name })}</h1>
      <p className="lead">{t('auth.welcome.lead')}</p>
      <h2>{t('auth.welcome.nextTitle')}</h2>
      <ol className="next-steps">
        {emailVerified ? null : (
          <li>
            <p>{t('auth.welcome.checkMail', { email })}</p>
            <p className="muted">{t('auth.welcome.noMail')}</p>
          </li>
        )}
        <li>{t('auth.welcome.profile')}</li>
        {roleStep ? <li>{t(`auth.welcome.${roleStep}`)}</li> : null}
      </ol>
      <div className="button-row">
        {next !== '/' ? <ButtonLink href={next}>{t('auth.welcome.continue')}</ButtonLink> : null}
        <ButtonLink href="/organisations/nouvelle" variant={next !== '/' ? 'secondary' : 'primary'}>
          {t('auth.welcome.createOrg')}
        </ButtonLink>
        <ButtonLink href="/compte" variant="secondary">
          {t('auth.welcome.toAccount')}
        </ButtonLink>
      </div>
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
