import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { parseNeedForm } from '~/http/need-form.server'
import { requireActor } from '~/http/actor.server'
import { replyWithRefusal } from '~/http/domain-response.server'
import { NeedForm } from '~/ui/needs/need-form'
import { companiesOf, createNeed } from '~/domain/needs/service.server'
import { communeLabel } from '~/domain/places/commune'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import { EmptyState } from '~/ui/states'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/needs'

export const handle: PageHandle = { titleKey: 'needs.form.newTitle' }

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const companies = await companiesOf(actor)
  // The company's commune and territory are the likely answers: prefilled, easy to change.
  const first = companies[0]
  return {
    companies: companies.map((company) => ({ id: company.id, name: company.name })),
    defaultCommune: first?.location ? { code: first.location.communeCode, label: communeLabel(first.location) } : null,
    defaultTerritory: first?.territories[0] ?? '',
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const parsed = parseNeedForm(t, await readForm(request))
  if (!parsed.ok) return parsed.reply
  const companies = await companiesOf(actor)
  const orgId = parsed.orgId ?? (companies.length === 1 ? companies[0]!.id : '')
  try {
    const { id, status } = await createNeed(actor, orgId, parsed.input, { submit: parsed.intent === 'submit' })
    const message = status === 'draft' ? t('needs.form.draftSaved') : t(`needs.actionDone.${status === 'submitted' ? 'submitted' : 'published'}`)
    return redirectWithToast(`/besoins/${id}`, { kind: 'success', message })
  } catch (error) {
    return replyWithRefusal(t, parsed.submission, error)
  }
}

export default function NewNeed() {
  const { t } = useTranslation()
  const { companies, defaultCommune, defaultTerritory } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="new-need-title" className="need-page">
      <h1 id="new-need-title">{t('needs.form.newTitle')}</h1>
      {companies.length ? (
        <>
          <p className="lead">{t('needs.form.newLead')}</p>
          <NeedForm
            mode="create"
            lastResult={actionData?.result}
            companies={companies}
            defaultCommune={defaultCommune}
            defaultValue={{ territory: defaultTerritory, confidentiality: 'members' }}
            canSubmit
            cancelHref="/mes-besoins"
          />
        </>
      ) : (
        <EmptyState
          title={t('needs.form.noCompanyTitle')}
          action={
            <div className="button-row">
              <ButtonLink href={`/organisations/nouvelle?type=company&suite=${encodeURIComponent('/besoins/nouveau')}`}>{t('needs.form.noCompanyCreate')}</ButtonLink>
              <ButtonLink href="/organisations?type=company" variant="secondary">
                {t('needs.form.noCompanyAction')}
              </ButtonLink>
            </div>
          }
        >
          <p>{t('needs.form.noCompanyText')}</p>
        </EmptyState>
      )}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
