import { refuse, orRefuse } from '~/http/domain-response.server'
import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { requireActor } from '~/http/actor.server'
import { reportFormSchema, searchParamsObject } from '~/domain/moderation/schema'
import { reportContent } from '~/domain/moderation/service.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { Button } from '~/ui/button'
import { TextareaField } from '~/ui/field'
import { RouteErrorPage } from '~/ui/error-page'
import { z } from 'zod'
import { objectIdString } from '~/domain/ids'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
// The refusals and form errors its action answers with are the moderation domain's.
import '~/i18n/areas/moderation'
import '~/i18n/areas/reporting'

export const handle: PageHandle = { titleKey: 'reporting.report.title' }

/**
 * "Report this need / profile": /signaler?kind=need&id=… (or kind=user). Any signed-in person;
 * the report goes to the animators of the target's spaces (app/domain/moderation).
 */
const targetQuerySchema = z.object({ kind: z.enum(['need', 'user']), id: objectIdString() })

const backTo = (kind: 'need' | 'user', id: string) => (kind === 'need' ? `/besoins/${id}` : `/membres/${id}`)

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request)
  const parsed = targetQuerySchema.safeParse(searchParamsObject(new URL(request.url)))
  if (!parsed.success) refuse('not_found')
  return parsed.data
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const submission = parseWithZod(await readForm(request), { schema: reportFormSchema() })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  await orRefuse(() => reportContent(actor, submission.value))
  const { targetKind, targetId } = submission.value
  return redirectWithToast(backTo(targetKind, targetId), { kind: 'success', message: t('reporting.report.sent') })
}

export default function ReportPage() {
  const { t } = useTranslation()
  const { kind, id } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  return (
    <section aria-labelledby="report-title" className="narrow-page">
      <h1 id="report-title">{t(kind === 'need' ? 'reporting.report.need' : 'reporting.report.user')}</h1>
      <Form method="post">
        <input type="hidden" name="targetKind" value={kind} />
        <input type="hidden" name="targetId" value={id} />
        <TextareaField label={t('reporting.report.reason')} name="reason" required maxLength={1000} errors={reply?.result.error?.reason} />
        <Button type="submit">{t('reporting.report.submit')}</Button>
      </Form>
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
