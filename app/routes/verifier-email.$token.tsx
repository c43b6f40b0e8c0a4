import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { linkTokenSchema } from '~/domain/auth/schema'
import { checkEmailVerification, verifyEmail, type EmailVerificationCheck, type VerifyEmailResult } from '~/domain/auth/service.server'
import { optionalActor } from '~/http/actor.server'
import { readForm } from '~/http/form-data.server'
import { nextStepLinks } from '~/domain/users/onboarding'
import { nextStepOf } from '~/domain/users/onboarding.server'
import { safeRedirectPath } from '~/http/safe-redirect'
import { Button, ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/auth'

export const handle: PageHandle = { titleKey: 'auth.verify.title' }

type Result = VerifyEmailResult | EmailVerificationCheck
const httpStatus: Record<Result['status'], number> = { valid: 200, verified: 200, already_verified: 200, expired: 410, used: 410, unknown: 404 }

/**
 * The link e-mailed at sign-up. GET only says what it would do and shows a button (a mail
 * scanner or a link preview opening the link verifies nothing); POST — that button, a plain form
 * that works without JavaScript — verifies the address. Pressing it again says it is already
 * verified. The form posts to this very address, `?suite=` included.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = linkTokenSchema.safeParse(params.token)
  return outcome(request, token.success ? await checkEmailVerification(token.data) : { status: 'unknown' })
}

export async function action({ request, params }: ActionFunctionArgs) {
  await readForm(request)
  const token = linkTokenSchema.safeParse(params.token)
  return outcome(request, token.success ? await verifyEmail(token.data) : { status: 'unknown' })
}

async function outcome(request: Request, result: Result) {
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
  const loaded = useLoaderData<typeof loader>()
  const acted = useActionData<typeof action>()
  const navigation = useNavigation()
  // After the button, the action's answer: the loader run again would only say "already verified".
  const { result, signedIn, nextStep, signIn } = acted ?? loaded
  if (result.status === 'valid') {
    return (
      <section className="auth-page" aria-labelledby="verify-title">
        <h1 id="verify-title">{t('auth.verify.title')}</h1>
        <Form method="post">
          <p>{t('auth.verify.confirmLead', { email: result.email })}</p>
          <Button type="submit" pending={navigation.state === 'submitting'}>
            {t('auth.verify.confirm')}
          </Button>
        </Form>
      </section>
    )
  }
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
