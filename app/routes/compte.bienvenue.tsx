import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireUser } from '~/domain/auth/session.server'
import { RouteErrorPage } from '~/ui/error-page'
import { ButtonLink } from '~/ui/button'

/** Right after sign-up: what happens next (the e-mail to open, then the first steps). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const mailFailed = new URL(request.url).searchParams.get('envoi') === 'echec'
  return { name: user.name, email: user.email, role: user.role, emailVerified: user.emailVerified, mailFailed }
}

export default function Welcome() {
  const { t } = useTranslation()
  const { name, email, role, emailVerified, mailFailed } = useLoaderData<typeof loader>()
  return (
    <section className="auth-page" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('auth.welcome.title', { name })}</h1>
      <p className="lead">{t('auth.welcome.lead')}</p>
      <h2>{t('auth.welcome.nextTitle')}</h2>
      <ol className="next-steps">
        {emailVerified ? null : (
          <li>
            <p>{mailFailed ? t('auth.welcome.mailFailed', { email }) : t('auth.welcome.checkMail', { email })}</p>
            {mailFailed ? null : <p className="muted">{t('auth.welcome.noMail')}</p>}
          </li>
        )}
        <li>{t('auth.welcome.profile')}</li>
        {role === 'industrialist' || role === 'researcher' ? <li>{t(`auth.welcome.${role}`)}</li> : null}
      </ol>
      <ButtonLink href="/compte">{t('auth.welcome.toAccount')}</ButtonLink>
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
