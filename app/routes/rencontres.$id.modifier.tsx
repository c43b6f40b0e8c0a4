import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { DomainError } from '~/domain/errors'
import { spaceValue } from '~/domain/meetings/schema'
import { getMeetingForEdit, organiserChoices, publishableSpaces, spaceName, updateMeeting } from '~/domain/meetings/service.server'
import { instantToParisLocal } from '~/domain/meetings/timezone'
import { communeLabel } from '~/domain/places/commune'
import { requireActor } from '~/http/actor.server'
import { asResponse, replyWithRefusal } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import { parseMeetingForm } from '~/http/meeting-form.server'
import { notifierFor } from '~/http/notifier.server'
import { idParam } from '~/http/params.server'
import { redirectWithToast } from '~/http/toast.server'
import { languageFromRequest } from '~/i18n/language.server'
import { translatorFor } from '~/i18n/translators'
import { RouteErrorPage } from '~/ui/error-page'
import { MeetingForm } from '~/ui/meetings/meeting-form'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/meetings'

export const handle: PageHandle = { titleKey: 'meetings.form.editTitle' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meetingId = idParam(params, 'id')
  const actor = await requireActor(request)
  try {
    const meeting = await getMeetingForEdit(actor, meetingId)
    const [spaces, organisers] = await Promise.all([publishableSpaces(actor), organiserChoices()])
    const current = spaceValue(meeting.scope)
    // The meeting's own space stays a choice even for an admin who does not list it.
    const choices = spaces.map(({ space, name }) => ({ value: spaceValue(space), name }))
    if (!choices.some((choice) => choice.value === current)) choices.unshift({ value: current, name: await spaceName(meeting.scope) })
    return {
      id: meetingId,
      title: meeting.title,
      spaces: choices,
      organisers,
      commune: meeting.place ? { code: meeting.place.communeCode, label: communeLabel(meeting.place) } : null,
      values: {
        title: meeting.title,
        description: meeting.description ?? '',
        scope: current,
        startsAt: instantToParisLocal(meeting.startsAt),
        endsAt: instantToParisLocal(meeting.endsAt),
        registrationDeadline: meeting.registrationDeadline ? instantToParisLocal(meeting.registrationDeadline) : '',
        mode: meeting.place ? 'place' : 'online',
        onlineUrl: meeting.onlineUrl ?? '',
        organisers: meeting.organisers.map(String),
        domains: meeting.domains,
        filieres: meeting.filieres,
        capacity: String(meeting.capacity),
      },
    }
  } catch (error) {
    if (error instanceof DomainError && error.code === 'conflict') {
      const { t } = translatorFor(await languageFromRequest(request))
      throw redirectWithToast(`/rencontres/${meetingId}`, { kind: 'info', message: t('meetings.refusals.notEditable') })
    }
    throw asResponse(error)
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const meetingId = idParam(params, 'id')
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const parsed = parseMeetingForm(t, await readForm(request))
  if (!parsed.ok) return parsed.reply
  try {
    const { told } = await updateMeeting(actor, meetingId, parsed.input, { notifier: notifierFor(context) })
    return redirectWithToast(`/rencontres/${meetingId}`, { kind: 'success', message: told ? t('meetings.form.savedTold', { count: told }) : t('meetings.form.saved') })
  } catch (error) {
    return replyWithRefusal(t, parsed.submission, error)
  }
}

export default function EditMeeting() {
  const { t } = useTranslation()
  const { id, title, spaces, organisers, commune, values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="edit-meeting-title" className="need-page">
      <h1 id="edit-meeting-title">{t('meetings.form.editHeading', { title })}</h1>
      <MeetingForm mode="edit" lastResult={actionData?.result} spaces={spaces} organisers={organisers} defaultValue={values} defaultCommune={commune} cancelHref={`/rencontres/${id}`} />
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
