import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { linkTokenSchema } from '~/domain/auth/schema'
import { verifyEmail, type VerifyEmailResult } from '~/domain/auth/service.server'
import { optionalActor } from '~/http/actor.server'
import { nextStepLinks } from '~/domain/users/onboarding'
import { nextStepOf } from '~/domain/users/onboarding.server'
import { safeRedirectPath } from '~/http/safe-redirect'
import { ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/auth'

export const handle: PageHandle = { titleKey: 'auth.verify.title' }

const httpStatus: Record<VerifyEmailResult['status'], number> = { verified: 200, already_verified: 200, expired: 410, used: 410, unknown: 404 }

/**
 * Opening the e-mailed link verifies the address (a GET, so it works from any mail client).
 * A link opened twice, or first by a mail scanner, says the address is already verified.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = linkTokenSchema.safeParse(params.token)
  const result: VerifyEmailResult = token.success ? await verifyEmail(token.data) : { status: 'unknown' }
  const actor = await optionalActor(request)
  const verified = result.status === 'verified' || result.status === 'already_verified'
  // Signed in and verified: the next step of the journey, not only the account page.
  const nextStep = actor && verified ? await nextStepOf(actor) : null
  // Right after sign-up: signing in leads to the welcome page, then where the person was going.
  const next = safeRedirectPath.parse(new URL(request.url).searchParams.get('suite') ?? undefined)
  const welcome = next === '/' ? '/compte/bienvenue' : `/compte/bienvenue?suite=${encodeURIComponent(next)}`
  return data({ result, signedIn: Boolean(actor), nextStep, signIn: `/connexion?redirectTo=${encodeURIComponent(welcome)}` }, { status: httpStatus[result.status], headers: { 'Cache-Control': 'no-store' } })
}

export default function VerifyEmail() {
  const { t } = useTranslation()
  const { result, signedIn, nextStep, signIn } = useLoaderData<typeof loader>()
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
      {nextStep ? (
        <div className="button-row">
          <ButtonLink href={nextStepLinks[nextStep].primary}>{t(`auth.verify.next.${nextStep}`)}</ButtonLink>
          {nextStep === 'joinCompany' || nextStep === 'joinLab' ? (
            <ButtonLink href={nextStepLinks[nextStep].secondary!} variant="secondary">
              {t(`auth.verify.nextSecondary.${nextStep}`)}
            </ButtonLink>
          ) : null}
          {nextStep !== 'account' ? (
            <ButtonLink href="/compte" variant="secondary">
              {t('auth.verify.toAccount')}
            </ButtonLink>
          ) : null}
        </div>
      ) : signedIn ? (
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
