import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from '~/i18n/react'
import { minutesUntil } from '~/domain/auth/lockout'
import { formatDateTime, formatTime } from '~/domain/auth/messages'
import { signInSchema } from '~/domain/auth/schema'
import { signIn, type SignInResult } from '~/domain/auth/service.server'
import { getSessionUser, startSession } from '~/http/session.server'
import { deviceCookie, deviceTokenOf } from '~/http/known-device.server'
import { safeRedirectPath } from '~/http/safe-redirect'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { Button } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import { FormErrors, TextField, conformField, secretField } from '~/ui/field'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/auth'

export const handle: PageHandle = { titleKey: 'auth.signIn.title' }

const redirectToOf = (request: Request) => {
  const value = new URL(request.url).searchParams.get('redirectTo')
  return value === null ? null : safeRedirectPath.parse(value)
}

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = redirectToOf(request)
  if (await getSessionUser(request)) throw redirect(redirectTo ?? '/')
  return { redirectTo }
}

const statusOf: Record<Exclude<SignInResult, { ok: true }>['reason'], number> = { invalid_credentials: 400, locked: 429, suspended: 403 }

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: signInSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const { email, password } = submission.value
  const redirectTo = safeRedirectPath.parse(formData.get('redirectTo') ?? undefined)
  const result = await signIn({ email, password, ip: context.clientIp, deviceToken: await deviceTokenOf(request), allowDemoAccounts: context.demoMode })
  if (result.ok) {
    const headers = new Headers()
    headers.append('Set-Cookie', await startSession(request, result.userId))
    headers.append('Set-Cookie', await deviceCookie.serialize(result.deviceToken))
    return redirect(redirectTo, { headers })
  }
  const language = await languageFromRequest(request)
  const { t } = translatorFor(language)
  const now = new Date()
  const message =
    result.reason === 'locked'
      ? t('auth.signIn.locked', { time: formatTime(result.retryAt, language), minutes: minutesUntil(result.retryAt, now) })
      : result.reason === 'suspended'
        ? t('auth.signIn.suspended', { date: formatDateTime(result.until, language) })
        : t('auth.signIn.invalidCredentials')
  return data({ result: submission.reply({ formErrors: [message], hideFields: ['password'] }) }, { status: statusOf[result.reason] })
}

export default function SignIn() {
  const { t } = useTranslation()
  const { redirectTo } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'connexion',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
  })
  const formErrorId = `${form.id}-errors`
  // A refused attempt empties the password field (the server never sends it back).
  const [refusals, setRefusals] = useState(0)
  useEffect(() => {
    if (actionData) setRefusals((count) => count + 1)
  }, [actionData])

  return (
    <section className="auth-page" aria-labelledby="signin-title">
      <h1 id="signin-title">{t('auth.signIn.title')}</h1>
      <Form method="post" {...getFormProps(form)} aria-describedby={form.errors?.length ? formErrorId : undefined} className="auth-form">
        <FormErrors id={formErrorId} errors={form.errors} />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <TextField
          {...conformField(fields.email)}
          type="email"
          label={t('auth.fields.email')}
          autoComplete="username"
          required
        />
        <TextField
          key={refusals}
          {...secretField(fields.password)}
          type="password"
          label={t('auth.fields.password')}
          autoComplete="current-password"
          required
        />
        <p className="auth-aside">
          <Link to="/mot-de-passe-oublie">{t('auth.signIn.forgotLink')}</Link>
        </p>
        <Button type="submit" pending={navigation.state === 'submitting'}>
          {t('auth.signIn.submit')}
        </Button>
      </Form>
      <p className="auth-alternative">
        {t('auth.signIn.noAccount')} <Link to="/inscription">{t('auth.signIn.signUpLink')}</Link>
      </p>
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
