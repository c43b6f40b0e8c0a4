import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from '~/i18n/react'
import { demoTerritories } from '~/domain/places/territories'
import { animatedOrganisations, appointAnimator, listAnimators, revokeAnimator } from '~/domain/users/animators.server'
import { appointAnimatorSchema, revokeAnimatorSchema } from '~/domain/users/animators-schema'
import { requirePermission } from '~/http/actor.server'
import { orRefuse, refuse, replyWithRefusal } from '~/http/domain-response.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { Button } from '~/ui/button'
import { CheckboxGroup } from '~/ui/checkbox-group'
import { RouteErrorPage } from '~/ui/error-page'
import { conformField, FormErrors, TextField } from '~/ui/field'
import { EmptyState } from '~/ui/states'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/admin'

export const handle: PageHandle = { titleKey: 'admin.animators.title' }

/** Admins only: everyone else gets the 403 page (the check is also in the service). */
const requireAdmin = (request: Request) => requirePermission(request, 'appoint:animator:any')

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  const [animators, organisations] = await Promise.all([orRefuse(() => listAnimators(admin)), animatedOrganisations()])
  return { animators, organisations }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const formData = await readForm(request)
  const done = async (message: string) => redirectWithToast('/admin/animateurs', { kind: 'success', message })

  if (formData.get('intent') === 'revoke') {
    const parsed = revokeAnimatorSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) refuse('invalid')
    await orRefuse(() => revokeAnimator(admin, parsed.data.userId))
    return done(t('admin.animators.revoked'))
  }

  const submission = parseWithZod(formData, { schema: appointAnimatorSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    await appointAnimator(admin, submission.value)
  } catch (error) {
    // The service names the field (unknown e-mail, an admin, an unknown space): shown next to it.
    return replyWithRefusal(t, submission, error, {}, { fieldsOnly: true })
  }
  return done(t('admin.animators.appointed'))
}

export default function AnimatorsAdmin() {
  const { t } = useTranslation()
  const { animators, organisations } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'appoint-animator',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: appointAnimatorSchema }),
  })
  const territoryName = (id: string) => demoTerritories.find((territory) => territory.id === id)?.name ?? id

  return (
    <section aria-labelledby="animators-title" className="admin-page">
      <h1 id="animators-title">{t('admin.animators.title')}</h1>
      <p className="lead">{t('admin.animators.lead')}</p>

      <section aria-labelledby="current-title" className="section">
        <h2 id="current-title">{t('admin.animators.current')}</h2>
        {animators.length ? (
          <ul className="card-grid">
            {animators.map((animator) => (
              <li key={animator.id} className="card">
                <h3>{animator.name}</h3>
                <p className="muted">{animator.email}</p>
                <p>
                  {t('admin.animators.territories')} :{' '}
                  <span lang="fr">
                    {animator.territories.length
                      ? animator.territories.map((id, index) => (
                          <Fragment key={id}>
                            {index ? ', ' : null}
                            <Link to={`/territoires/${id}`}>{territoryName(id)}</Link>
                          </Fragment>
                        ))
                      : t('admin.animators.none')}
                  </span>
                </p>
                <p>
                  {t('admin.animators.organisations')} : {animator.organisations.map((org) => org.name).join(', ') || t('admin.animators.none')}
                </p>
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="userId" value={animator.id} />
                  <Button type="submit" variant="secondary">
                    {t('admin.animators.revoke', { name: animator.name })}
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title={t('admin.animators.empty')} />
        )}
      </section>

      <section aria-labelledby="appoint-title" className="section">
        <h2 id="appoint-title">{t('admin.animators.appointTitle')}</h2>
        <p>{t('admin.animators.appointHint')}</p>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="appoint" />
          <FormErrors errors={form.errors} />
          <TextField
            {...conformField(fields.email, '')}
            type="email"
            label={t('admin.animators.email')}
            required
            autoComplete="off"
          />
          <CheckboxGroup
            legend={t('admin.animators.territories')}
            name={fields.territories.name}
            options={demoTerritories.map((territory) => ({ value: territory.id, label: territory.name, lang: 'fr' }))}
            errors={fields.territories.errors}
          />
          <CheckboxGroup
            legend={t('admin.animators.organisations')}
            name={fields.organisations.name}
            options={organisations.map((org) => ({ value: org.id, label: org.name }))}
            errors={fields.organisations.errors}
          />
          <Button type="submit" pending={navigation.state === 'submitting'}>
            {t('admin.animators.appoint')}
          </Button>
        </Form>
      </section>
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
