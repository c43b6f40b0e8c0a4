import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { z } from 'zod'
import { requestPasswordReset, resendVerification, type ResendResult } from '~/domain/auth/service.server'
import { endAllSessions } from '~/domain/auth/session.server'
import { requireActor } from '~/http/actor.server'
import { startSession } from '~/http/session.server'
import { profileSchema } from '~/domain/users/schema'
import { getOwnAccount, updateOwnProfile } from '~/domain/users/service.server'
import { orRefuse, refuse } from '~/http/domain-response.server'
import { supportedLanguages } from '~/i18n/config'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { Button } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import { SelectField, TextField, conformField } from '~/ui/field'
import type { Toast } from '~/ui/toast'
import { readForm } from '~/http/form-data.server'
import { mailPreferencesSchema } from '~/domain/notifications/preferences'
import { getMailPreferences, updateMailPreferences } from '~/domain/notifications/preferences.server'
import { MailPreferencesSection } from '~/ui/mail-preferences'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/alerts'
import '~/i18n/areas/auth'
import '~/i18n/areas/legal'
import '~/i18n/areas/mail'

export const handle: PageHandle = { titleKey: 'auth.account.title' }

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const [account, mail] = await Promise.all([orRefuse(() => getOwnAccount(actor)), orRefuse(() => getMailPreferences(actor))])
  return { account, mail }
}

const intentSchema = z.enum(['profile', 'resend-verification', 'sign-out-everywhere', 'change-password', 'mail-preferences'])

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const formData = await readForm(request)
  const intent = intentSchema.safeParse(formData.get('intent'))
  if (!intent.success) refuse('invalid')
  const { t } = translatorFor(await languageFromRequest(request))
  const mailDeps = { mailer: context.mailer, publicUrl: context.publicUrl, logger: context.logger }
  const back = (toast: Omit<Toast, 'id'>, headers?: Headers) => redirectWithToast('/compte', toast, headers)
  const emailOf = async () => (await orRefuse(() => getOwnAccount(actor))).email

  switch (intent.data) {
    case 'profile': {
      const submission = parseWithZod(formData, { schema: profileSchema })
      if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
      await orRefuse(() => updateOwnProfile(actor, submission.value))
      return back({ kind: 'success', message: t('auth.account.profileSaved') })
    }
    case 'resend-verification': {
      const { status } = await resendVerification(actor.id, mailDeps)
      const toasts: Record<ResendResult['status'], Omit<Toast, 'id'>> = {
        sent: { kind: 'success', message: t('auth.account.resent', { email: await emailOf() }) },
        already_verified: { kind: 'info', message: t('auth.account.alreadyVerified') },
        too_soon: { kind: 'info', message: t('auth.account.resendTooSoon') },
        failed: { kind: 'error', message: t('auth.account.resendFailed') },
      }
      return back(toasts[status])
    }
    case 'sign-out-everywhere': {
      // Every session ends, this one included; this device then gets a fresh one.
      await endAllSessions(actor.id)
      return back({ kind: 'success', message: t('auth.account.signedOutEverywhere') }, new Headers({ 'Set-Cookie': await startSession(request, actor.id) }))
    }
    case 'mail-preferences': {
      const submission = parseWithZod(formData, { schema: mailPreferencesSchema })
      if (submission.status !== 'success') refuse('invalid')
      await orRefuse(() => updateMailPreferences(actor, submission.value))
      return redirectWithToast('/compte#emails', { kind: 'success', message: t('mail.preferences.saved') })
    }
    case 'change-password': {
      const email = await emailOf()
      await requestPasswordReset({ email }, mailDeps)
      return back({ kind: 'success', message: t('auth.account.changePasswordSent', { email }) })
    }
  }
}

export default function Account() {
  const { t } = useTranslation()
  const { account, mail } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const submittingIntent = navigation.state === 'submitting' ? navigation.formData?.get('intent') : null
  const [form, fields] = useForm({
    id: 'profil',
    lastResult: actionData?.result,
    defaultValue: { name: account.name, title: account.title, language: account.language },
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
  })

  return (
    <div className="account-page">
      <h1>{t('auth.account.title')}</h1>

      <section className="account-section" aria-labelledby="profile-title">
        <h2 id="profile-title">{t('auth.account.profileTitle')}</h2>
        <p className="muted">{t('auth.account.role', { role: t(`auth.roles.${account.role}`) })}</p>
        <Form method="post" {...getFormProps(form)} className="auth-form">
          <TextField
            {...conformField(fields.name)}
            label={t('auth.fields.name')}
            autoComplete="name"
            required
          />
          <TextField
            {...conformField(fields.title)}
            label={t('auth.fields.title')}
            hint={t('auth.fields.titleHint')}
            autoComplete="organization-title"
          />
          <SelectField
            {...conformField(fields.language)}
            label={t('auth.fields.language')}
            options={supportedLanguages.map((language) => ({ value: language, label: t(`language.names.${language}`) }))}
          />
          <Button type="submit" name="intent" value="profile" pending={submittingIntent === 'profile'}>
            {t('auth.account.save')}
          </Button>
        </Form>
      </section>

      <section className="account-section" aria-labelledby="email-title">
        <h2 id="email-title">{t('auth.account.emailTitle')}</h2>
        {account.emailVerified ? (
          <p className="status-line status-ok">{t('auth.account.emailVerified', { email: account.email })}</p>
        ) : (
          <>
            <p className="status-line status-warning">{t('auth.account.emailUnverified', { email: account.email })}</p>
            <p>{t('auth.account.emailUnverifiedHelp')}</p>
            <Form method="post">
              <Button type="submit" name="intent" value="resend-verification" variant="secondary" pending={submittingIntent === 'resend-verification'}>
                {t('auth.account.resend')}
              </Button>
            </Form>
          </>
        )}
      </section>

      <MailPreferencesSection preferences={mail.preferences} emailVerified={mail.emailVerified} pending={submittingIntent === 'mail-preferences'} />

      <section className="account-section" aria-labelledby="alerts-title">
        <h2 id="alerts-title">{t('alerts.account.title')}</h2>
        <p>
          <Link to="/compte/alertes">{t('alerts.account.manage')}</Link>
        </p>
      </section>

      <section className="account-section" aria-labelledby="security-title">
        <h2 id="security-title">{t('auth.account.securityTitle')}</h2>
        <p>{t('auth.account.changePasswordHelp')}</p>
        <Form method="post">
          <Button type="submit" name="intent" value="change-password" variant="secondary" pending={submittingIntent === 'change-password'}>
            {t('auth.account.changePassword')}
          </Button>
        </Form>
        <p>{t('auth.account.sessions', { number: account.activeSessions })}</p>
        <p>{t('auth.account.signOutEverywhereHelp')}</p>
        <Form method="post">
          <Button type="submit" name="intent" value="sign-out-everywhere" variant="secondary" pending={submittingIntent === 'sign-out-everywhere'}>
            {t('auth.account.signOutEverywhere')}
          </Button>
        </Form>
      </section>

      <section className="account-section" aria-labelledby="data-title">
        <h2 id="data-title">{t('legal.myData.title')}</h2>
        <p>
          <Link to="/compte/donnees">{t('legal.myData.accountLink')}</Link>
        </p>
      </section>
    </div>
  )
}

export const ErrorBoundary = RouteErrorPage
