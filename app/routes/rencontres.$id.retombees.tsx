import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { getOutcomesForm, recordOutcomes } from '~/domain/meetings/outcomes.server'
import { outcomesFormSchema } from '~/domain/meetings/schema'
import { requireActor } from '~/http/actor.server'
import { orRefuse, replyWithRefusal } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import { idParam } from '~/http/params.server'
import { redirectWithToast } from '~/http/toast.server'
import { languageFromRequest } from '~/i18n/language.server'
import { translatorFor } from '~/i18n/translators'
import { Button, ButtonLink } from '~/ui/button'
import { CheckboxGroup } from '~/ui/checkbox-group'
import { RouteErrorPage } from '~/ui/error-page'
import { FormErrors, TextareaField, conformField } from '~/ui/field'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/meetings'

export const handle: PageHandle = { titleKey: 'meetings.outcomes.title' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meetingId = idParam(params, 'id')
  const actor = await requireActor(request)
  return orRefuse(() => getOutcomesForm(actor, meetingId))
}

export async function action({ request, params }: ActionFunctionArgs) {
  const meetingId = idParam(params, 'id')
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const submission = parseWithZod(await readForm(request), { schema: outcomesFormSchema })
  if (submission.status !== 'success') return { result: submission.reply() }
  try {
    await recordOutcomes(actor, meetingId, submission.value)
    return redirectWithToast('/animation/rencontres', { kind: 'success', message: t('meetings.refusals.outcomesRecorded') })
  } catch (error) {
    return replyWithRefusal(t, submission, error)
  }
}

export default function MeetingOutcomes() {
  const { t } = useTranslation()
  const { meeting, candidates, current } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({ id: 'meeting-outcomes', lastResult: actionData?.result, defaultValue: current })
  const groups = [
    ['needIds', 'meetings.outcomes.needs', candidates.needs, current.needIds, fields.needIds.errors],
    ['proposalIds', 'meetings.outcomes.proposals', candidates.proposals, current.proposalIds, fields.proposalIds.errors],
    ['projectIds', 'meetings.outcomes.projects', candidates.projects, current.projectIds, fields.projectIds.errors],
  ] as const
  return (
    <section aria-labelledby="outcomes-title" className="need-page">
      <h1 id="outcomes-title">{t('meetings.outcomes.heading', { title: meeting.title })}</h1>
      <p className="lead">{t('meetings.outcomes.lead')}</p>
      <Form method="post" {...getFormProps(form)} className="need-form">
        <FormErrors errors={form.errors} />
        {groups.map(([name, legend, options, chosen, errors]) =>
          options.length ? (
            <CheckboxGroup key={name} legend={t(legend)} name={name} options={options.map((option) => ({ value: option.id, label: option.label }))} defaultValues={[...chosen]} errors={errors} />
          ) : (
            <p key={name} className="muted">
              {t(legend)} : {t('meetings.outcomes.none')}
            </p>
          ),
        )}
        <TextareaField {...conformField(fields.notes)} label={t('meetings.outcomes.notes')} maxLength={2000} rows={4} />
        <div className="button-row">
          <Button type="submit">{t('meetings.outcomes.save')}</Button>
          <ButtonLink href={`/rencontres/${meeting.id}`} variant="secondary">
            {t('meetings.form.cancel')}
          </ButtonLink>
        </div>
      </Form>
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
