import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { spaceValue } from '~/domain/meetings/schema'
import { assertMayCreateMeeting, createMeeting, organiserChoices, publishableSpaces } from '~/domain/meetings/service.server'
import { requireActor } from '~/http/actor.server'
import { asResponse, replyWithRefusal } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import { parseMeetingForm } from '~/http/meeting-form.server'
import { redirectWithToast } from '~/http/toast.server'
import { languageFromRequest } from '~/i18n/language.server'
import { translatorFor } from '~/i18n/translators'
import { RouteErrorPage } from '~/ui/error-page'
import { MeetingForm } from '~/ui/meetings/meeting-form'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/meetings'

export const handle: PageHandle = { titleKey: 'meetings.form.newTitle' }

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  try {
    assertMayCreateMeeting(actor)
  } catch (error) {
    throw asResponse(error)
  }
  const [spaces, organisers] = await Promise.all([publishableSpaces(actor), organiserChoices()])
  return { spaces: spaces.map(({ space, name }) => ({ value: spaceValue(space), name })), organisers }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const parsed = parseMeetingForm(t, await readForm(request))
  if (!parsed.ok) return parsed.reply
  try {
    const { id } = await createMeeting(actor, parsed.input)
    return redirectWithToast(`/rencontres/${id}`, { kind: 'success', message: t('meetings.form.created') })
  } catch (error) {
    return replyWithRefusal(t, parsed.submission, error)
  }
}

export default function NewMeeting() {
  const { t } = useTranslation()
  const { spaces, organisers } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="new-meeting-title" className="need-page">
      <h1 id="new-meeting-title">{t('meetings.form.newTitle')}</h1>
      <MeetingForm mode="create" lastResult={actionData?.result} spaces={spaces} organisers={organisers} defaultValue={{ mode: 'place' }} cancelHref="/rencontres" />
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
