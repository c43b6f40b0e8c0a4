import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireActor } from '~/http/actor.server'
import { replyWithRefusal } from '~/http/domain-response.server'
import { orgCreateSchema } from '~/domain/orgs/schema'
import { communeChoiceErrors, createOrganisation } from '~/domain/orgs/profile.server'
import { createI18n } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { RouteErrorPage } from '~/ui/error-page'
import { OrgProfileForm } from '~/ui/org-form'
import { readForm } from '~/http/form-data.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request)
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const { t } = createI18n(await languageFromRequest(request))
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: orgCreateSchema() })
  if (submission.status !== 'success') {
    // Report the commune in the same round as the other fields, not only once they are fixed.
    const communeErrors = submission.error?.commune
      ? null
      : communeChoiceErrors({ commune: String(formData.get('commune') ?? '') || undefined, communeSearch: String(formData.get('communeSearch') ?? '') })
    return data({ form: 'profile', result: submission.reply(communeErrors ? { fieldErrors: { commune: communeErrors } } : {}) }, { status: 400 })
  }
  try {
    const { slug } = await createOrganisation({ actor, t }, submission.value)
    return await redirectWithToast(`/organisations/${slug}`, { kind: 'success', message: t('orgs.create.created', { name: submission.value.name }) })
  } catch (error) {
    return replyWithRefusal(t, submission, error, { form: 'profile' }, { fieldsOnly: true })
  }
}

export default function NewOrganisation() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="new-org-title" className="org-form-page">
      <h1 id="new-org-title">{t('orgs.create.title')}</h1>
      <p className="lead">{t('orgs.create.lead')}</p>
      <OrgProfileForm mode="create" id="organisation-nouvelle" lastResult={actionData?.result} showSize cancelHref="/organisations" />
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
