import { getFormProps, useForm, type Submission, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import type { MilestoneView } from '~/domain/projects/service.server'
import { MAX_MILESTONE_TITLE, projectFormId, projectFormSchemas } from '~/domain/projects/schema'
import type { Language } from '~/i18n/config'
import { Button } from '~/ui/button'
import { conformField, FormErrors, TextField } from '~/ui/field'
import { formatDate, formatDay } from '~/ui/needs/need-display'
import { EmptyState } from '~/ui/states'
import { formErrorsOf, resultFor, type ProjectActionData } from './form-result'
import '~/i18n/areas/projects'

/**
 * The milestones of a project: listed by due day (overdue ones flagged), each done/undone,
 * edited or deleted by a member; a form to add one. Plain forms: all of it works without
 * JavaScript; conform checks the fields in the browser with the action's own schema.
 */
export function MilestonesSection({ milestones, canEdit, actionData }: { milestones: MilestoneView[]; canEdit: boolean; actionData: ProjectActionData }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="milestones-title" className="section project-section" id="jalons">
      <h2 id="milestones-title">{t('projects.milestones.title')}</h2>
      <p className="muted">{t('projects.milestones.lead')}</p>
      {milestones.length ? (
        <ol className="milestone-list">
          {milestones.map((milestone) => (
            <MilestoneItem key={milestone.id} milestone={milestone} canEdit={canEdit} actionData={actionData} />
          ))}
        </ol>
      ) : (
        <EmptyState title={t('projects.milestones.emptyTitle')}>
          <p>{canEdit ? t('projects.milestones.emptyText') : t('projects.milestones.emptyReadOnly')}</p>
        </EmptyState>
      )}
      {/* A new key after each addition empties the form (it stays mounted across the redirect). */}
      {canEdit ? <NewMilestoneForm key={milestones.length} lastResult={resultFor(actionData, 'milestone-create')} /> : null}
    </section>
  )
}

function MilestoneItem({ milestone, canEdit, actionData }: { milestone: MilestoneView; canEdit: boolean; actionData: ProjectActionData }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const toggleErrors = formErrorsOf(resultFor(actionData, projectFormId('milestone-done', milestone.id)))
  const deleteErrors = formErrorsOf(resultFor(actionData, projectFormId('milestone-delete', milestone.id)))
  const updateResult = resultFor(actionData, projectFormId('milestone-update', milestone.id))
  const classes = ['milestone', milestone.done ? 'milestone-done' : '', milestone.overdue ? 'milestone-overdue' : ''].filter(Boolean).join(' ')
  return (
    <li className={classes} id={`jalon-${milestone.id}`}>
      <div className="milestone-head">
        <span className={`badge ${milestone.done ? 'badge-milestone-done' : 'badge-milestone-todo'}`}>
          {milestone.done ? t('projects.milestones.done') : t('projects.milestones.todo')}
        </span>
        {milestone.overdue ? <span className="badge badge-milestone-overdue">{t('projects.milestones.overdue')}</span> : null}
        <strong className="milestone-title">{milestone.title}</strong>
      </div>
      <p className="muted milestone-meta">
        {milestone.dueDate ? t('projects.milestones.due', { date: formatDay(milestone.dueDate, language) }) : t('projects.milestones.noDue')}
        {milestone.done && milestone.doneAt ? <> · {t('projects.milestones.doneBy', { name: milestone.doneBy ?? '', date: formatDate(milestone.doneAt, language) })}</> : null}
      </p>
      {canEdit ? (
        <div className="milestone-actions">
          <FormErrors errors={[...(toggleErrors ?? []), ...(deleteErrors ?? [])]} />
          <Form method="post">
            <input type="hidden" name="intent" value="milestone-done" />
            <input type="hidden" name="milestoneId" value={milestone.id} />
            <input type="hidden" name="done" value={milestone.done ? 'false' : 'true'} />
            <Button type="submit" variant="secondary">
              {milestone.done ? t('projects.milestones.markUndone') : t('projects.milestones.markDone')}
              <span className="visually-hidden"> — {milestone.title}</span>
            </Button>
          </Form>
          {/* Open on a refused edit, so its errors show without JavaScript. */}
          <details open={updateResult ? true : undefined}>
            <summary>
              {t('projects.milestones.edit')}
              <span className="visually-hidden"> — {milestone.title}</span>
            </summary>
            <EditMilestoneForm key={`${milestone.title}|${milestone.dueDate ?? ''}`} milestone={milestone} lastResult={updateResult} />
          </details>
          <Form method="post">
            <input type="hidden" name="intent" value="milestone-delete" />
            <input type="hidden" name="milestoneId" value={milestone.id} />
            <Button type="submit" variant="ghost">
              {t('projects.milestones.delete')}
              <span className="visually-hidden"> — {milestone.title}</span>
            </Button>
          </Form>
        </div>
      ) : null}
    </li>
  )
}

type MilestoneValues = { intent: string; milestoneId: string; title: string; dueDate: string }

function useMilestoneForm(intent: 'milestone-create' | 'milestone-update', id: string, lastResult: SubmissionResult<string[]> | undefined, defaultValue?: Partial<MilestoneValues>) {
  const { t } = useTranslation()
  return useForm<MilestoneValues, unknown>({
    id,
    lastResult,
    defaultValue,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: projectFormSchemas()[intent] }) as unknown as Submission<MilestoneValues, string[], unknown>,
  })
}

function NewMilestoneForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useMilestoneForm('milestone-create', 'milestone-create', lastResult)
  const pending = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'milestone-create'
  return (
    <Form method="post" {...getFormProps(form)} className="milestone-form" aria-labelledby="milestone-create-heading">
      <h3 id="milestone-create-heading">{t('projects.milestones.add')}</h3>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="milestone-create" />
      <TextField {...conformField(fields.title)} label={t('projects.milestones.titleLabel')} hint={t('projects.milestones.titleHint')} maxLength={MAX_MILESTONE_TITLE} required />
      <TextField {...conformField(fields.dueDate)} type="date" label={t('projects.milestones.dueDate')} hint={t('projects.milestones.dueDateHint')} />
      <Button type="submit" pending={pending}>
        {t('projects.milestones.add')}
      </Button>
    </Form>
  )
}

function EditMilestoneForm({ milestone, lastResult }: { milestone: MilestoneView; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation()
  const id = projectFormId('milestone-update', milestone.id)
  const [form, fields] = useMilestoneForm('milestone-update', id, lastResult, { title: milestone.title, dueDate: milestone.dueDate ?? '' })
  return (
    <Form method="post" {...getFormProps(form)} className="milestone-form">
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="milestone-update" />
      <input type="hidden" name="milestoneId" value={milestone.id} />
      <TextField {...conformField(fields.title, milestone.title)} label={t('projects.milestones.titleLabel')} maxLength={MAX_MILESTONE_TITLE} required />
      <TextField {...conformField(fields.dueDate, milestone.dueDate ?? '')} type="date" label={t('projects.milestones.dueDate')} hint={t('projects.milestones.dueDateHint')} />
      <Button type="submit" variant="secondary">
        {t('projects.milestones.save')}
      </Button>
    </Form>
  )
}
