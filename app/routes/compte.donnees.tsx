import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { z } from 'zod'
import { requireActor } from '~/http/actor.server'
import { endSession } from '~/http/session.server'
import { accountEmail, deleteAccount, LastOwnerError, organisationsOnlyOwnedBy } from '~/domain/users/privacy.server'
import { orRefuse, replyWithRefusal } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { Button } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import { conformField, FormErrors, TextField } from '~/ui/field'
import { RichText } from '~/ui/legal-page'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/auth'
import '~/i18n/areas/legal'

export const handle: PageHandle = { titleKey: 'legal.myData.title' }

const deleteSchema = z.object({
  confirmEmail: z.string({ required_error: 'legal.myData.confirmMismatch' }).trim().max(254, 'legal.myData.confirmMismatch'),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  return { email: await orRefuse(() => accountEmail(actor)), lastOwnerOf: await organisationsOnlyOwnedBy(actor.id) }
}

/** Deletes the account (confirmed by typing its address), signs this browser out, says goodbye. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const submission = parseWithZod(await readForm(request), { schema: deleteSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), lastOwnerOf: null }, { status: 400 })
  const { t } = translatorFor(await languageFromRequest(request))
  try {
    await deleteAccount(actor, submission.value)
  } catch (error) {
    if (error instanceof LastOwnerError) {
      return data({ result: submission.reply({ formErrors: [] }), lastOwnerOf: error.organisations }, { status: 409 })
    }
    return replyWithRefusal(t, submission, error, { lastOwnerOf: null }, { fieldsOnly: true })
  }
  // The session is gone with the account; the browser forgets its cookie too.
  throw await redirectWithToast('/', { kind: 'success', message: t('legal.myData.deleted') }, new Headers({ 'Set-Cookie': await endSession(request) }))
}

export default function MyData() {
  const { t } = useTranslation()
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const lastOwnerOf = actionData?.lastOwnerOf ?? loaderData.lastOwnerOf
  const [form, fields] = useForm({
    id: 'supprimer-compte',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: deleteSchema }),
  })
  return (
    <div className="account-page">
      <p>
        <Link to="/compte">← {t('auth.account.title')}</Link>
      </p>
      <h1>{t('legal.myData.title')}</h1>
      <p className="lead">{t('legal.myData.lead')}</p>

      <section className="account-section" aria-labelledby="export-title">
        <h2 id="export-title">{t('legal.myData.exportHeading')}</h2>
        <p>{t('legal.myData.exportBody')}</p>
        <p>
          <a href="/compte/donnees.json" download className="btn btn-secondary">
            {t('legal.myData.exportLink')}
          </a>
        </p>
      </section>

      <section className="account-section" aria-labelledby="delete-title">
        <h2 id="delete-title">{t('legal.myData.deleteHeading')}</h2>
        <p>{t('legal.myData.deleteWhat')}</p>
        <RichText text={t('legal.myData.deleteList')} />
        {lastOwnerOf.length ? (
          <div className="notice notice-warning" role="alert">
            <p>{t('legal.myData.lastOwner', { names: lastOwnerOf.map((org) => org.name).join(', ') })}</p>
            <ul>
              {lastOwnerOf.map((org) => (
                <li key={org.id}>
                  <Link to={`/organisations/${org.slug}/membres`}>{org.name}</Link>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <Form method="post" {...getFormProps(form)} className="auth-form">
            <FormErrors errors={form.errors} />
            <TextField
              {...conformField(fields.confirmEmail)}
              type="email"
              label={t('legal.myData.confirmLabel')}
              hint={t('legal.myData.confirmHint', { email: loaderData.email })}
              autoComplete="off"
              required
            />
            <Button type="submit" variant="danger" pending={navigation.state === 'submitting'}>
              {t('legal.myData.submit')}
            </Button>
          </Form>
        )}
      </section>
    </div>
  )
}

export const ErrorBoundary = RouteErrorPage
