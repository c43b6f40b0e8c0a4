import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { formatDateTime } from '~/domain/auth/messages'
import { linkTokenSchema, resetPasswordSchema } from '~/domain/auth/schema'
import { checkPasswordResetToken, resetPassword } from '~/domain/auth/service.server'
import { startSession } from '~/http/session.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { Button, ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import { FormErrors, TextField, secretField } from '~/ui/field'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/auth'

export const handle: PageHandle = { titleKey: 'auth.reset.title' }

const httpStatus = { valid: 200, expired: 410, used: 410, unknown: 404 } as const
const noStore = { 'Cache-Control': 'no-store' }

/** The form is only shown for a link that still works; otherwise the page says why and offers a new one. */
export async function loader({ params }: LoaderFunctionArgs) {
  const token = linkTokenSchema.safeParse(params.token)
  const status = token.success ? await checkPasswordResetToken(token.data) : 'unknown'
  return data({ status }, { status: httpStatus[status], headers: noStore })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = linkTokenSchema.safeParse(params.token)
  const submission = parseWithZod(await readForm(request), { schema: resetPasswordSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const language = await languageFromRequest(request)
  const { t } = translatorFor(language)
  const result = token.success ? await resetPassword({ token: token.data, password: submission.value.password }) : ({ ok: false, status: 'unknown' } as const)
  if (!result.ok) {
    return data({ result: submission.reply({ formErrors: [t(`auth.reset.${result.status}`)], hideFields: ['password'] }) }, { status: httpStatus[result.status] })
  }
  if (result.suspendedUntil) {
    // A suspended account gets its new password but no session until the suspension ends.
    return redirectWithToast('/connexion', { kind: 'info', message: t('auth.reset.doneSuspended', { date: formatDateTime(result.suspendedUntil, language) }) })
  }
  return redirectWithToast('/compte', { kind: 'success', message: t('auth.reset.done') }, new Headers({ 'Set-Cookie': await startSession(request, result.userId) }))
}

export default function ResetPassword() {
  const { t } = useTranslation()
  const { status } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'reinitialiser-mot-de-passe',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
  })

  if (status !== 'valid') {
    return (
      <section className="auth-page" aria-labelledby="reset-title">
        <h1 id="reset-title">{t('auth.reset.title')}</h1>
        <div className="notice notice-error" role="alert">
          <p>{t(`auth.reset.${status}`)}</p>
        </div>
        <ButtonLink href="/mot-de-passe-oublie">{t('auth.reset.askAgain')}</ButtonLink>
      </section>
    )
  }

  return (
    <section className="auth-page" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('auth.reset.title')}</h1>
      <p className="lead">{t('auth.reset.lead')}</p>
      <Form method="post" {...getFormProps(form)} className="auth-form">
        <FormErrors errors={form.errors} />
        <TextField
          {...secretField(fields.password)}
          type="password"
          label={t('auth.fields.newPassword')}
          hint={t('auth.fields.passwordHint')}
          autoComplete="new-password"
          required
        />
        <Button type="submit" pending={navigation.state === 'submitting'}>
          {t('auth.reset.submit')}
        </Button>
      </Form>
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
