import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { translateMessages } from '~/i18n/translate-message'
import { signUpSchema } from '~/domain/auth/schema'
import { signUp } from '~/domain/auth/service.server'
import { getSessionUser } from '~/http/session.server'
import { selfServiceRoles } from '~/domain/users/roles'
import { safeRedirectPath } from '~/http/safe-redirect'
import { languageFromRequest } from '~/i18n/language.server'
import { CURRENT_TERMS_VERSION } from '~/domain/legal/terms'
import { Button } from '~/ui/button'
import { formatLongDate } from '~/ui/dates'
import { RouteErrorPage } from '~/ui/error-page'
import { FormErrors, TextField, conformField, secretField } from '~/ui/field'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/auth'

export const handle: PageHandle = { titleKey: 'auth.signUp.title' }

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath.parse(new URL(request.url).searchParams.get('redirectTo') ?? undefined)
  if (await getSessionUser(request)) throw redirect(redirectTo === '/' ? '/compte' : redirectTo)
  return { redirectTo }
}

/**
 * A valid sign-up always gets the same answer, "an e-mail was sent to …", whether or not the
 * address already had an account (the mail says which). Nobody is signed in yet: the verification
 * link, then the sign-in form, lead to the welcome page and where the person was going.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request)
  const redirectTo = safeRedirectPath.parse(formData.get('redirectTo') ?? undefined)
  const submission = parseWithZod(formData, { schema: signUpSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }), sentTo: null }, { status: 400 })
  }
  await signUp(submission.value, {
    mailer: context.mailer,
    publicUrl: context.publicUrl,
    logger: context.logger,
    language: await languageFromRequest(request),
    next: redirectTo,
  })
  return data({ result: submission.reply({ resetForm: true }), sentTo: submission.value.email })
}

export default function SignUp() {
  const { t, i18n } = useTranslation()
  const actionData = useActionData<typeof action>()
  const { redirectTo } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'inscription',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signUpSchema }),
  })
  const roleErrors = translateMessages(t, fields.role.errors)
  const roleErrorId = `${fields.role.id}-error`
  const termsErrors = translateMessages(t, fields.acceptTerms.errors)
  const termsErrorId = `${fields.acceptTerms.id}-error`

  if (actionData?.sentTo) {
    return (
      <section className="auth-page" aria-labelledby="signup-title">
        <h1 id="signup-title">{t('auth.signUp.sentTitle')}</h1>
        <div className="notice notice-success" role="status">
          <p>{t('auth.signUp.sent', { email: actionData.sentTo })}</p>
        </div>
        <p>{t('auth.signUp.sentHelp')}</p>
      </section>
    )
  }

  return (
    <section className="auth-page" aria-labelledby="signup-title">
      <h1 id="signup-title">{t('auth.signUp.title')}</h1>
      <p className="lead">{t('auth.signUp.lead')}</p>
      <Form method="post" {...getFormProps(form)} className="auth-form">
        <FormErrors errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          {...conformField(fields.name)}
          label={t('auth.fields.name')}
          autoComplete="name"
          required
        />
        <TextField
          {...conformField(fields.email)}
          type="email"
          label={t('auth.fields.email')}
          hint={t('auth.fields.emailHint')}
          autoComplete="email"
          required
        />
        <TextField
          {...secretField(fields.password)}
          type="password"
          label={t('auth.fields.password')}
          hint={t('auth.fields.passwordHint')}
          autoComplete="new-password"
          required
        />
        <fieldset className={['field', 'choice-group', roleErrors?.length ? 'field-invalid' : ''].join(' ')}>
          <legend>
            {t('auth.fields.role')}
            <span className="field-required"> ({t('ui.fieldRequired')})</span>
          </legend>
          {selfServiceRoles.map((role) => (
            <div className="choice" key={role}>
              <input
                type="radio"
                id={`${fields.role.id}-${role}`}
                name={fields.role.name}
                value={role}
                defaultChecked={fields.role.initialValue === role}
                aria-describedby={[`${fields.role.id}-${role}-hint`, roleErrors?.length ? roleErrorId : ''].filter(Boolean).join(' ')}
                aria-invalid={roleErrors?.length ? true : undefined}
              />
              <label htmlFor={`${fields.role.id}-${role}`}>
                {t(`auth.roles.${role}`)}
                <span className="choice-hint" id={`${fields.role.id}-${role}-hint`}>
                  {t(`auth.roleHints.${role}`)}
                </span>
              </label>
            </div>
          ))}
          {roleErrors?.length ? (
            <ul className="field-errors" id={roleErrorId}>
              {roleErrors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          ) : null}
        </fieldset>
        <div className={['field', 'field-checkbox', termsErrors?.length ? 'field-invalid' : ''].join(' ')}>
          <input
            type="checkbox"
            id={fields.acceptTerms.id}
            name={fields.acceptTerms.name}
            value="on"
            required
            aria-invalid={termsErrors?.length ? true : undefined}
            aria-describedby={termsErrors?.length ? termsErrorId : undefined}
          />
          <label htmlFor={fields.acceptTerms.id}>
            {t('auth.signUp.acceptTermsBefore')}
            <Link to="/conditions-utilisation" target="_blank">
              {t('auth.signUp.acceptTermsLink')}
              <span className="visually-hidden">{t('auth.signUp.newTab')}</span>
            </Link>
            {t('auth.signUp.acceptTermsAfter', { date: formatLongDate(CURRENT_TERMS_VERSION, i18n.language) })}
            <Link to="/confidentialite" target="_blank">
              {t('auth.signUp.privacyLink')}
              <span className="visually-hidden">{t('auth.signUp.newTab')}</span>
            </Link>
            <span className="field-required"> ({t('ui.fieldRequired')})</span>
          </label>
          {termsErrors?.length ? (
            <ul className="field-errors" id={termsErrorId}>
              {termsErrors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <Button type="submit" pending={navigation.state === 'submitting'}>
          {t('auth.signUp.submit')}
        </Button>
      </Form>
      <p className="auth-alternative">
        {t('auth.signUp.haveAccount')} <Link to={redirectTo === '/' ? '/connexion' : `/connexion?redirectTo=${encodeURIComponent(redirectTo)}`}>{t('auth.signUp.signInLink')}</Link>
      </p>
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
