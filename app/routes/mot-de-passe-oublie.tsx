import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { forgotPasswordSchema } from '~/domain/auth/schema'
import { requestPasswordReset } from '~/domain/auth/service.server'
import { Button } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import { TextField, conformField } from '~/ui/field'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/auth'

export const handle: PageHandle = { titleKey: 'auth.forgot.title' }

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: forgotPasswordSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), sentTo: null }, { status: 400 })
  }
  // Same answer whether or not the address has an account.
  await requestPasswordReset({ email: submission.value.email }, { mailer: context.mailer, publicUrl: context.publicUrl, logger: context.logger })
  return { result: submission.reply({ resetForm: true }), sentTo: submission.value.email }
}

export default function ForgotPassword() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'mot-de-passe-oublie',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
  })

  return (
    <section className="auth-page" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('auth.forgot.title')}</h1>
      {actionData?.sentTo ? (
        <div className="notice notice-success" role="status">
          <p>{t('auth.forgot.sent', { email: actionData.sentTo })}</p>
          <p>{t('auth.forgot.noMail')}</p>
        </div>
      ) : (
        <p className="lead">{t('auth.forgot.lead')}</p>
      )}
      <Form method="post" {...getFormProps(form)} className="auth-form">
        <TextField
          {...conformField(fields.email)}
          type="email"
          label={t('auth.fields.email')}
          autoComplete="email"
          required
        />
        <Button type="submit" pending={navigation.state === 'submitting'}>
          {t('auth.forgot.submit')}
        </Button>
      </Form>
      <p className="auth-alternative">
        <Link to="/connexion">{t('auth.forgot.backToSignIn')}</Link>
      </p>
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
