import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { z } from 'zod'
import { requireActor } from '~/http/actor.server'
import { orgSlugParam } from '~/http/params.server'
import { orRefuse, replyWithRefusal, refuse } from '~/http/domain-response.server'
import { clusterMembershipsSchema, orgUpdateSchema } from '~/domain/orgs/schema'
import { communeChoiceErrors, declareClusterMemberships, getOrganisationForEdit, listClusterChoices, updateOrganisation } from '~/domain/orgs/profile.server'
import { communeLabel } from '~/domain/places/commune'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { Button } from '~/ui/button'
import { CheckboxGroup } from '~/ui/checkbox-group'
import { RouteErrorPage } from '~/ui/error-page'
import { FormErrors } from '~/ui/field'
import { OrgProfileForm, type OrgFormValues } from '~/ui/org-form'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/orgs'

export const handle: PageHandle<{ org: { name: string } }> = { titleKey: 'layout.pageTitles.organisation', titleFrom: (data) => data && { key: 'orgs.edit.title', values: { name: data.org.name } } }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = orgSlugParam(params)
  const actor = await requireActor(request)
  const org = await orRefuse(() => getOrganisationForEdit({ actor }, slug))
  const clusters = org.kind === 'company' ? await listClusterChoices() : []
  return { org, clusters }
}

const intentSchema = z.object({ intent: z.enum(['profile', 'clusters']) })

export async function action({ request, params }: ActionFunctionArgs) {
  const slug = orgSlugParam(params)
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const formData = await readForm(request)
  const intent = intentSchema.safeParse({ intent: formData.get('intent') })
  if (!intent.success) refuse('invalid')

  if (intent.data.intent === 'clusters') {
    const submission = parseWithZod(formData, { schema: clusterMembershipsSchema() })
    if (submission.status !== 'success') return data({ form: 'clusters', result: submission.reply() }, { status: 400 })
    try {
      await declareClusterMemberships({ actor, t }, slug, submission.value.memberOf)
    } catch (error) {
      return replyWithRefusal(t, submission, error, { form: 'clusters' }, { fieldsOnly: true })
    }
    return redirectWithToast(`/organisations/${slug}`, { kind: 'success', message: t('orgs.edit.clustersSaved') })
  }

  const submission = parseWithZod(formData, { schema: orgUpdateSchema() })
  if (submission.status !== 'success') {
    const communeErrors = submission.error?.commune
      ? null
      : communeChoiceErrors({ commune: String(formData.get('commune') ?? '') || undefined, communeSearch: String(formData.get('communeSearch') ?? '') })
    return data({ form: 'profile', result: submission.reply(communeErrors ? { fieldErrors: { commune: communeErrors } } : {}) }, { status: 400 })
  }
  try {
    await updateOrganisation({ actor, t }, slug, submission.value)
  } catch (error) {
    return replyWithRefusal(t, submission, error, { form: 'profile' }, { fieldsOnly: true })
  }
  return redirectWithToast(`/organisations/${slug}`, { kind: 'success', message: t('orgs.edit.saved') })
}

export default function EditOrganisation() {
  const { t } = useTranslation()
  const { org, clusters } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const defaultValue: Partial<OrgFormValues> = {
    name: org.name,
    description: org.description,
    domains: org.domains,
    keywords: org.keywords.join(', '),
    equipment: org.equipment.join('\n'),
    trlMin: org.trlMin ? String(org.trlMin) : '',
    trlMax: org.trlMax ? String(org.trlMax) : '',
    filieres: org.filieres,
    territories: org.territories,
    commune: org.location?.communeCode ?? '',
    communeSearch: org.location ? communeLabel(org.location) : '',
    website: org.website,
    size: org.size ?? '',
    contactName: org.contactName,
    contactRole: org.contactRole,
    contactEmail: org.contactEmail,
    contactPhone: org.contactPhone,
  }
  const clusterResult = actionData?.form === 'clusters' ? actionData.result : undefined

  return (
    <section aria-labelledby="edit-org-title" className="org-form-page">
      <p>
        <Link to={`/organisations/${org.slug}`}>← {t('orgs.edit.backToProfile')}</Link>
      </p>
      <h1 id="edit-org-title">{t('orgs.edit.title', { name: org.name })}</h1>
      <OrgProfileForm
        mode="edit"
        id="organisation-modifier"
        lastResult={actionData?.form === 'profile' ? actionData.result : undefined}
        defaultValue={defaultValue}
        showSize={org.kind === 'company'}
        cancelHref={`/organisations/${org.slug}`}
      />

      {org.kind === 'company' ? (
        <section aria-labelledby="clusters-title" className="org-form-section">
          <h2 id="clusters-title">{t('orgs.edit.clustersTitle')}</h2>
          {clusters.length ? (
            <Form method="post">
              <input type="hidden" name="intent" value="clusters" />
              <FormErrors errors={clusterResult?.error?.[''] ?? undefined} />
              <CheckboxGroup
                legend={t('orgs.edit.clustersTitle')}
                hint={t('orgs.edit.clustersLead')}
                name="memberOf"
                options={clusters.map((cluster) => ({ value: cluster.id, label: `${cluster.name} (${t(`orgKinds.${cluster.kind}`)})` }))}
                defaultValues={org.memberOf}
                errors={clusterResult?.error?.memberOf ?? undefined}
                columns={false}
              />
              <Button type="submit" variant="secondary" pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'clusters'}>
                {t('orgs.edit.clustersSubmit')}
              </Button>
            </Form>
          ) : (
            <p className="muted">{t('orgs.edit.clustersNone')}</p>
          )}
        </section>
      ) : null}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
