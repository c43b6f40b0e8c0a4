import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { orgKinds } from '~/domain/orgs/kinds'
import { safeRedirectPath } from '~/http/safe-redirect'
import { useTranslation } from '~/i18n/react'
import { requireActor } from '~/http/actor.server'
import { replyWithRefusal } from '~/http/domain-response.server'
import { orgCreateSchema } from '~/domain/orgs/schema'
import { communeChoiceErrors, createOrganisation } from '~/domain/orgs/profile.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { RouteErrorPage } from '~/ui/error-page'
import { OrgProfileForm } from '~/ui/org-form'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/orgs'

export const handle: PageHandle = { titleKey: 'orgs.create.title' }

/** `?type=company` preselects the kind; `?suite=/besoins/nouveau` is where creating it leads back to. */
const creationQuery = z.object({ type: z.enum(orgKinds).optional().catch(undefined), suite: safeRedirectPath })

function creationQueryOf(request: Request) {
  const params = new URL(request.url).searchParams
  return creationQuery.parse({ type: params.get('type') ?? undefined, suite: params.get('suite') ?? undefined })
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request)
  const { type, suite } = creationQueryOf(request)
  return { kind: type ?? null, returnsTo: suite === '/' ? null : suite }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
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
    // Created from another journey (the need form's prompt): back to it, the new organisation now in place.
    const { suite } = creationQueryOf(request)
    return await redirectWithToast(suite === '/' ? `/organisations/${slug}` : suite, { kind: 'success', message: t('orgs.create.created', { name: submission.value.name }) })
  } catch (error) {
    return replyWithRefusal(t, submission, error, { form: 'profile' }, { fieldsOnly: true })
  }
}

export default function NewOrganisation() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const { kind, returnsTo } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="new-org-title" className="org-form-page">
      <h1 id="new-org-title">{t('orgs.create.title')}</h1>
      <p className="lead">{t('orgs.create.lead')}</p>
      {returnsTo ? <p className="notice">{t('orgs.create.returnsAfter')}</p> : null}
      <OrgProfileForm
        mode="create"
        id="organisation-nouvelle"
        lastResult={actionData?.result}
        defaultValue={kind ? { kind } : undefined}
        showSize
        cancelHref={returnsTo ?? '/organisations'}
      />
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
