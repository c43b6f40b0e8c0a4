import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { linkTokenSchema } from '~/domain/auth/schema'
import { verifyEmail, type VerifyEmailResult } from '~/domain/auth/service.server'
import { getSessionUser } from '~/http/session.server'
import { safeRedirectPath } from '~/http/safe-redirect'
import { ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'

export const handle: PageHandle = { titleKey: 'auth.verify.title' }

const httpStatus: Record<VerifyEmailResult['status'], number> = { verified: 200, already_verified: 200, expired: 410, used: 410, unknown: 404 }

/**
 * Opening the e-mailed link verifies the address (a GET, so it works from any mail client).
 * A link opened twice, or first by a mail scanner, says the address is already verified.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = linkTokenSchema.safeParse(params.token)
  const result: VerifyEmailResult = token.success ? await verifyEmail(token.data) : { status: 'unknown' }
  const signedIn = Boolean(await getSessionUser(request))
  // Right after sign-up: signing in leads to the welcome page, then where the person was going.
  const next = safeRedirectPath.parse(new URL(request.url).searchParams.get('suite') ?? undefined)
  const welcome = next === '/' ? '/compte/bienvenue' : `/compte/bienvenue?suite=${encodeURIComponent(next)}`
  return data({ result, signedIn, signIn: `/connexion?redirectTo=${encodeURIComponent(welcome)}` }, { status: httpStatus[result.status], headers: { 'Cache-Control': 'no-store' } })
}

export default function VerifyEmail() {
  const { t } = useTranslation()
  const { result, signedIn, signIn } = useLoaderData<typeof loader>()
  const success = result.status === 'verified' || result.status === 'already_verified'
  return (
    <section className="auth-page" aria-labelledby="verify-title">
      <h1 id="verify-title">{t('auth.verify.title')}</h1>
      <div className={success ? 'notice notice-success' : 'notice notice-error'} role={success ? 'status' : 'alert'}>
        <p>
          {result.status === 'verified'
            ? t('auth.verify.verified', { email: result.email })
            : result.status === 'already_verified'
              ? t('auth.verify.alreadyVerified')
              : t(`auth.verify.${result.status}`)}
        </p>
        {success ? null : <p>{t('auth.verify.resendHelp')}</p>}
      </div>
      {signedIn ? (
        <ButtonLink href="/compte">{t('auth.verify.toAccount')}</ButtonLink>
      ) : success ? (
        <ButtonLink href={signIn}>{t('auth.verify.signIn')}</ButtonLink>
      ) : (
        <ButtonLink href="/connexion?redirectTo=%2Fcompte">{t('auth.verify.signInToResend')}</ButtonLink>
      )}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
