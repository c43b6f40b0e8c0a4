import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import type { ProjectStatus } from '~/domain/projects/schema'
import type { Language } from '~/i18n/config'
import { Button } from '~/ui/button'
import { FormErrors } from '~/ui/field'
import { formatDate } from '~/ui/needs/need-display'
import { formErrorsOf, resultFor, type ProjectActionData } from './form-result'
import '~/i18n/areas/projects'

export function StatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation()
  return <span className={`badge badge-project-${status}`}>{t(`projects.status.${status}`)}</span>
}

/**
 * The project's status, the changes a member may make (one button per allowed status) and
 * who changed it when.
 */
export function StatusSection({
  status,
  nextStatuses,
  history,
  createdAt,
  actionData,
}: {
  status: ProjectStatus
  nextStatuses: ProjectStatus[]
  history: Array<{ from: ProjectStatus; to: ProjectStatus; by: string; at: string }>
  createdAt: string
  actionData: ProjectActionData
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const navigation = useNavigation()
  const pendingStatus = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'status' ? navigation.formData.get('status') : null
  return (
    <section aria-labelledby="status-title" className="section project-section" id="statut">
      <h2 id="status-title">{t('projects.statusSection.title')}</h2>
      <p>
        <StatusBadge status={status} />
      </p>
      {nextStatuses.length ? (
        <Form method="post" className="status-form" aria-label={t('projects.statusSection.change')}>
          <FormErrors errors={formErrorsOf(resultFor(actionData, 'status'))} />
          <input type="hidden" name="intent" value="status" />
          <div className="button-row">
            {nextStatuses.map((next) => (
              <Button key={next} type="submit" name="status" value={next} variant={next === 'completed' ? 'secondary' : 'primary'} pending={pendingStatus === next}>
                {status === 'completed' && next === 'active' ? t('projects.statusSection.reopen') : t(`projects.statusSection.to.${next}`)}
              </Button>
            ))}
          </div>
        </Form>
      ) : null}
      <h3 className="project-subtitle">{t('projects.statusSection.history')}</h3>
      <ol className="status-history">
        {history.map((change) => (
          <li key={`${change.at}-${change.to}`}>
            <strong>{t('projects.statusSection.entry', { from: t(`projects.status.${change.from}`), to: t(`projects.status.${change.to}`) })}</strong>{' '}
            <span className="muted">{t('projects.statusSection.entryBy', { name: change.by, date: formatDate(change.at, language) })}</span>
          </li>
        ))}
        <li className="muted">{t('projects.statusSection.started', { date: formatDate(createdAt, language) })}</li>
      </ol>
    </section>
  )
}
