import { requirePermission } from '~/http/actor.server'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { appealsQueue, decideAppeal } from '~/domain/moderation/appeals.server'
import { notifierFor } from '~/http/notifier.server'
import { appealDecisionFormSchema, reportDecisionFormSchema, reportDecisions } from '~/domain/moderation/schema'
import { decideReport, reportsQueue } from '~/domain/moderation/service.server'
import { formatDate } from '~/ui/needs/need-display'
import { type Language } from '~/i18n/config'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { Button } from '~/ui/button'
import { FormErrors, SelectField, TextareaField, TextField } from '~/ui/field'
import { RouteErrorPage } from '~/ui/error-page'
import { EmptyState } from '~/ui/states'
import { MessageReportContext } from '~/ui/moderation/message-report-context'
import { invalidRow, rowRefusal, type RowReply } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/moderation'

export const handle: PageHandle = { titleKey: 'moderation.reports.title' }

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'moderate:content:scope')
  const [reports, appeals] = await Promise.all([reportsQueue(actor), appealsQueue(actor)])
  return { reports, appeals }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'moderate:content:scope')
  const { mailer, publicUrl } = context
  const { t } = translatorFor(await languageFromRequest(request))
  const formData = await readForm(request)
  if (formData.get('intent') === 'appeal') {
    const appeal = parseWithZod(formData, { schema: appealDecisionFormSchema() })
    const appealId = String(formData.get('targetId') ?? '')
    if (appeal.status !== 'success') return invalidRow(appealId, appeal.reply().error)
    try {
      await decideAppeal(actor, { targetKind: appeal.value.targetKind, targetId: appeal.value.targetId, lift: appeal.value.decision === 'lift' })
    } catch (error) {
      return rowRefusal(t, error, appealId)
    }
    return redirectWithToast('/animation/signalements', { kind: 'success', message: t('moderation.appeals.decided') })
  }
  const submission = parseWithZod(formData, { schema: reportDecisionFormSchema() })
  const itemId = String(formData.get('reportId') ?? '')
  if (submission.status !== 'success') return invalidRow(itemId, submission.reply().error)
  const { reportId, decision, reason, days } = submission.value
  try {
    await decideReport(actor, reportId, { kind: decision, reason, days }, {
      mailer,
      publicUrl,
      notifier: notifierFor(context),
    })
  } catch (error) {
    return rowRefusal(t, error, itemId)
  }
  return redirectWithToast('/animation/signalements', { kind: 'success', message: t('moderation.reports.decided') })
}

export default function ReportsQueue() {
  const { t, i18n } = useTranslation()
  const { reports, appeals } = useLoaderData<typeof loader>()
  const reply = useActionData<RowReply>()
  return (
    <section aria-labelledby="reports-title" className="animation-page">
      <h1 id="reports-title">{t('moderation.reports.title')}</h1>
      <p className="lead">{t('moderation.reports.lead')}</p>
      {!reports.length ? (
        <EmptyState title={t('moderation.reports.empty')} />
      ) : (
        <ol className="queue">
          {reports.map((report) => {
            const errors = reply?.itemId === report.id ? reply : undefined
            const isMessage = report.targetKind === 'message'
            const href = report.targetKind === 'need' ? `/besoins/${report.targetId}` : `/membres/${report.targetId}`
            // Messages: the moderator is not a participant, so the reported text is shown here (escaped by React), no link.
            const decisions = isMessage ? reportDecisions.filter((decision) => decision !== 'ban') : reportDecisions
            return (
              <li key={report.id} className="card queue-item">
                <h2 className="queue-title">
                  <span className="badge">{t(`moderation.reports.kind.${report.targetKind}`)}</span> {isMessage ? t('moderation.reports.messageHint') : <a href={href}>{report.targetLabel}</a>}
                </h2>
                {isMessage ? <blockquote className="report-snapshot">{report.targetLabel}</blockquote> : null}
                {isMessage ? <MessageReportContext author={report.author ?? null} context={report.context ?? []} /> : null}
                <p className="muted">
                  {t('moderation.reports.reportedBy', { name: report.reporterName })} · {formatDate(report.createdAt, i18n.language as Language)} ·{' '}
                  <span className="queue-age">
                    {t('moderation.ageLabel')} : {t('moderation.age', { count: report.ageDays })}
                  </span>
                </p>
                <blockquote className="report-reason">{report.reason}</blockquote>
                <FormErrors errors={errors?.formErrors} />
                <Form method="post" className="queue-decision">
                  <input type="hidden" name="reportId" value={report.id} />
                  <SelectField
                    label={t('moderation.reports.decision')}
                    name="decision"
                    options={decisions.map((decision) => ({ value: decision, label: t(`moderation.reports.decisions.${decision}`) }))}
                    errors={errors?.fieldErrors.decision}
                  />
                  <TextareaField label={t('moderation.reports.reason')} name="reason" rows={2} maxLength={1000} errors={errors?.fieldErrors.reason} />
                  <TextField label={t('moderation.reports.days')} name="days" type="number" min={1} max={365} inputMode="numeric" errors={errors?.fieldErrors.days} />
                  <Button type="submit">{t('moderation.reports.submit')}</Button>
                </Form>
              </li>
            )
          })}
        </ol>
      )}
      <section aria-labelledby="appeals-title" className="section">
        <h2 id="appeals-title">{t('moderation.appeals.title')}</h2>
        {!appeals.length ? (
          <p className="muted">{t('moderation.appeals.empty')}</p>
        ) : (
          <ol className="queue">
            {appeals.map((appeal) => (
              <li key={`${appeal.targetKind}-${appeal.targetId}`} className="card queue-item">
                <h3 className="queue-title">
                  <span className="badge">{t(`moderation.reports.kind.${appeal.targetKind}`)}</span>{' '}
                  <a href={appeal.targetKind === 'need' ? `/besoins/${appeal.targetId}` : `/membres/${appeal.targetId}`}>{appeal.targetId}</a>
                </h3>
                <p className="muted">
                  {t('moderation.appeals.hiddenBecause', { reason: appeal.hiddenReason })} ·{' '}
                  <span className="queue-age">
                    {t('moderation.ageLabel')} : {t('moderation.age', { count: appeal.ageDays })}
                  </span>
                </p>
                <blockquote className="report-reason">{appeal.text}</blockquote>
                <FormErrors errors={reply?.itemId === appeal.targetId ? reply.formErrors : undefined} />
                <Form method="post" className="queue-actions">
                  <input type="hidden" name="intent" value="appeal" />
                  <input type="hidden" name="targetKind" value={appeal.targetKind} />
                  <input type="hidden" name="targetId" value={appeal.targetId} />
                  <Button type="submit" name="decision" value="lift">
                    {t('moderation.appeals.lift')}
                  </Button>
                  <Button type="submit" name="decision" value="uphold" variant="secondary">
                    {t('moderation.appeals.uphold')}
                  </Button>
                </Form>
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
