import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { getMeetingPage } from '~/domain/meetings/queries.server'
import { registerForMeeting, unregisterFromMeeting } from '~/domain/meetings/registrations.server'
import { registrationFormSchema } from '~/domain/meetings/schema'
import { cancelMeeting } from '~/domain/meetings/service.server'
import { optionalActor, requireActor } from '~/http/actor.server'
import { formRefusal, orRefuse } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import { notifierFor } from '~/http/notifier.server'
import { idParam } from '~/http/params.server'
import { redirectWithToast } from '~/http/toast.server'
import { languageFromRequest } from '~/i18n/language.server'
import { translatorFor } from '~/i18n/translators'
import { Button, ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import { MeetingFacts, RegistrantsTable, RegistrationPanel } from '~/ui/meetings/meeting-details'
import { BusinessMeetingsLinks } from '~/ui/business-meetings/meeting-links'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/meetings'

export const handle: PageHandle = { titleKey: 'meetings.list.title' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meetingId = idParam(params, 'id')
  const actor = await optionalActor(request)
  return orRefuse(() => getMeetingPage(actor, meetingId))
}

const intents = ['register', 'unregister', 'cancel_meeting'] as const

export async function action({ request, params, context }: ActionFunctionArgs) {
  const meetingId = idParam(params, 'id')
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const form = await readForm(request)
  const intent = String(form.get('intent') ?? '')
  const deps = { notifier: notifierFor(context) }
  if (!(intents as readonly string[]).includes(intent)) return data({ error: t('meetings.errors.invalid') }, { status: 400 })
  try {
    if (intent === 'cancel_meeting') {
      const { told } = await cancelMeeting(actor, meetingId, deps)
      return redirectWithToast(`/rencontres/${meetingId}`, { kind: 'success', message: t('meetings.page.cancelledTold', { count: told }) })
    }
    const parsed = registrationFormSchema.safeParse({ intent, organisationId: form.get('organisationId') || undefined })
    if (!parsed.success) return data({ error: t('meetings.errors.organisationRequired') }, { status: 400 })
    if (intent === 'unregister') {
      await unregisterFromMeeting(actor, meetingId, deps)
      return redirectWithToast(`/rencontres/${meetingId}`, { kind: 'success', message: t('meetings.page.unregistered') })
    }
    const { status } = await registerForMeeting(actor, meetingId, parsed.data.organisationId, deps)
    return redirectWithToast(`/rencontres/${meetingId}`, { kind: 'success', message: t(status === 'registered' ? 'meetings.page.registeredToast' : 'meetings.page.waitlistedToast') })
  } catch (error) {
    const refusal = formRefusal(t, error)
    return data({ error: refusal.formErrors[0] ?? null }, { status: refusal.status })
  }
}

export default function MeetingPage() {
  const { t } = useTranslation()
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { meeting } = page
  return (
    <article aria-labelledby="meeting-title" className="need-page">
      <p>
        <a href="/rencontres">{t('meetings.page.back')}</a>
      </p>
      <h1 id="meeting-title">{meeting.title}</h1>
      {meeting.status !== 'published' ? <p className="badge">{t(`meetings.status.${meeting.status}`)}</p> : null}
      <MeetingFacts meeting={meeting} />
      {meeting.description ? <p className="prose">{meeting.description}</p> : null}
      <RegistrationPanel meetingId={meeting.id} viewer={page.viewer} error={actionData?.error} />
      <BusinessMeetingsLinks meetingId={meeting.id} registered={page.viewer.status === 'registered'} canManage={page.canManage} />
      {page.canManage ? (
        <section aria-labelledby="manage-title">
          <h2 id="manage-title">{t('meetings.page.manage')}</h2>
          <div className="button-row">
            {page.canEdit ? <ButtonLink href={`/rencontres/${meeting.id}/modifier`}>{t('meetings.page.edit')}</ButtonLink> : null}
            {page.canRecordOutcomes ? <ButtonLink href={`/rencontres/${meeting.id}/retombees`}>{t('meetings.outcomes.title')}</ButtonLink> : null}
            {page.canCancel ? (
              <Form method="post">
                <input type="hidden" name="intent" value="cancel_meeting" />
                <Button type="submit" variant="secondary">
                  {t('meetings.page.cancelMeeting')}
                </Button>
              </Form>
            ) : null}
          </div>
          <RegistrantsTable registrants={page.registrants} />
        </section>
      ) : null}
    </article>
  )
}

export const ErrorBoundary = RouteErrorPage
