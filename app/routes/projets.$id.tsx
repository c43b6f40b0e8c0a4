import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useRevalidator } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { z } from 'zod'
import type { BudgetRange } from '~/domain/needs/vocabulary'
import { requireActor } from '~/http/actor.server'
import { orRefuse, replyWithRefusal, refuse } from '~/http/domain-response.server'
import { idParam } from '~/http/params.server'
import { conversationPanelData } from '~/domain/messaging/service.server'
import { notifierFor } from '~/http/notifier.server'
import { projectFormId, projectFormSchemas, projectIntents } from '~/domain/projects/schema'
import * as projects from '~/domain/projects/service.server'
import { type Language } from '~/i18n/config'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { ConversationPanel } from '~/ui/conversation'
import { RouteErrorPage } from '~/ui/error-page'
import { Fact, formatDate } from '~/ui/needs/need-display'
import { FilesSection } from '~/ui/projects/files'
import type { ProjectActionData } from '~/ui/projects/form-result'
import { MembersSection } from '~/ui/projects/members'
import { MilestonesSection } from '~/ui/projects/milestones'
import { StatusBadge, StatusSection } from '~/ui/projects/status'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/needs'
import '~/i18n/areas/projects'

export const handle: PageHandle<{ project: { need: { title: string } } }> = { titleKey: 'layout.pageTitles.project', titleFrom: (data) => data?.project.need.title }

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const projectId = idParam(params, 'id')
  const actor = await requireActor(request)
  // Members, and the animators following the need's spaces (read-only); anyone else: 404.
  const project = await orRefuse(() => projects.getProjectRoom(actor, projectId))
  // The room's conversation, live on the page (read after the unread count above: showing it is reading it).
  const panel = await orRefuse(() => conversationPanelData(actor, project.room.id))
  if (panel.receipt) context.realtime({ type: 'receipt:updated', receipt: panel.receipt })
  const { receipt: _receipt, ...conversation } = panel
  // One id per rendered upload form: the same file posted twice is one message.
  return { project, conversation, fileClientId: crypto.randomUUID() }
}

const intentSchema = z.enum(projectIntents)

export async function action({ request, params, context }: ActionFunctionArgs) {
  const projectId = idParam(params, 'id')
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const formData = await readForm(request)
  const intent = intentSchema.safeParse(formData.get('intent'))
  if (!intent.success) refuse('invalid')
  const formId = projectFormId(intent.data, String(formData.get('milestoneId') ?? ''))
  const submission = parseWithZod(formData, { schema: projectFormSchemas()[intent.data] })
  if (submission.status !== 'success') return data({ formId, result: submission.reply() }, { status: 400 })
  const back = async (message: string, anchor: string) =>
    redirectWithToast(`/projets/${projectId}#${anchor}`, { kind: 'success', message })
  const form = submission.value
  try {
    switch (form.intent) {
      case 'milestone-create':
        await projects.addMilestone(actor, projectId, { title: form.title, dueDate: form.dueDate })
        return back(t('projects.milestones.added'), 'jalons')
      case 'milestone-update':
        await projects.updateMilestone(actor, projectId, form.milestoneId, { title: form.title, dueDate: form.dueDate })
        return back(t('projects.milestones.updated'), `jalon-${form.milestoneId}`)
      case 'milestone-done':
        await projects.setMilestoneDone(actor, projectId, form.milestoneId, form.done === 'true')
        return back(t(form.done === 'true' ? 'projects.milestones.markedDone' : 'projects.milestones.markedUndone'), `jalon-${form.milestoneId}`)
      case 'milestone-delete':
        await projects.deleteMilestone(actor, projectId, form.milestoneId)
        return back(t('projects.milestones.deleted'), 'jalons')
      case 'status':
        await projects.changeProjectStatus(actor, projectId, form.status)
        return back(t('projects.statusSection.changed', { status: t(`projects.status.${form.status}`) }), 'statut')
      case 'member-add': {
        const { name } = await projects.addProjectMember(actor, projectId, form.userId, { notifier: notifierFor(context) })
        return back(t('projects.members.added', { name }), 'membres')
      }
    }
  } catch (error) {
    return replyWithRefusal(t, submission, error, { formId })
  }
}

export default function ProjectRoomPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const { project, conversation, fileClientId } = useLoaderData<typeof loader>()
  const revalidator = useRevalidator()
  const actionData = useActionData<typeof action>() as ProjectActionData
  const canEdit = project.viewer.canEdit
  const open = project.status !== 'completed'
  const done = project.milestones.filter((milestone) => milestone.done).length
  return (
    <article aria-labelledby="project-title" className="need-page project-room">
      <p className="eyebrow">{t('projects.eyebrow')}</p>
      <h1 id="project-title">{project.need.title}</h1>
      <p className="lead">{t('projects.lead', { company: project.company.name, partner: project.partner.name })}</p>
      <dl className="facts">
        <Fact term={t('projects.statusLabel')}>
          <StatusBadge status={project.status} />
        </Fact>
        <Fact term={t('projects.company')}>{project.company.name}</Fact>
        <Fact term={t('projects.partner')}>{project.partner.name}</Fact>
        <Fact term={t('projects.createdOn')}>{formatDate(project.createdAt, language)}</Fact>
        <Fact term={t('projects.milestonesDone')}>{t('projects.milestonesCount', { done, total: project.milestones.length })}</Fact>
      </dl>
      {!canEdit ? <p className="callout">{t('projects.readOnly')}</p> : null}
      {canEdit && !open ? <p className="callout">{t('projects.completedNote')}</p> : null}

      <nav aria-label={t('projects.sections')} className="project-nav">
        <ul>
          <li>
            <a href="#jalons">{t('projects.milestones.title')}</a>
          </li>
          <li>
            <a href="#discussion">{t('projects.room.title')}</a>
          </li>
          <li>
            <a href="#fichiers">{t('projects.files.title')}</a>
          </li>
          <li>
            <a href="#statut">{t('projects.statusSection.title')}</a>
          </li>
          <li>
            <a href="#membres">{t('projects.members.title')}</a>
          </li>
          <li>
            <a href="#origine">{t('projects.origin.title')}</a>
          </li>
        </ul>
      </nav>

      <div className="project-room-grid">
        <div className="project-room-main">
          <MilestonesSection milestones={project.milestones} canEdit={canEdit && open} actionData={actionData} />

          <section aria-labelledby="room-title" className="section project-section" id="discussion">
            <h2 id="room-title">{t('projects.room.title')}</h2>
            <p className="muted">{t('projects.room.lead')}</p>
            <p className="project-room-unread">
              {project.room.unread ? <strong>{t('projects.room.unread', { count: project.room.unread })}</strong> : t('projects.room.noUnread')}{' '}
              <Link to={`/messages/${project.room.id}`}>{t('projects.room.open')}</Link>
            </p>
            <ConversationPanel
              key={conversation.conversation.id}
              conversationId={conversation.conversation.id}
              me={conversation.me}
              participants={conversation.conversation.participants}
              messages={conversation.messages}
              receipts={conversation.receipts}
              lastSeq={conversation.lastSeq}
              renderedAt={conversation.renderedAt}
              clientId={conversation.clientId}
              attachClientId={conversation.attachClientId}
              actionPath={`/messages/${conversation.conversation.id}`}
              returnTo={`/projets/${project.id}#discussion`}
              onFilesChanged={() => revalidator.revalidate()}
              olderHref={conversation.olderBefore ? `/messages/${conversation.conversation.id}?avant=${conversation.olderBefore}` : null}
            />
          </section>

          <FilesSection projectId={project.id} files={project.files} clientId={fileClientId} />
        </div>

        <div className="project-room-aside">
          <StatusSection
            status={project.status}
            nextStatuses={project.viewer.nextStatuses}
            history={project.statusHistory}
            createdAt={project.createdAt}
            actionData={actionData}
          />
          <MembersSection
            members={project.members}
            animators={project.animators}
            candidates={project.candidates}
            orgs={{ company: project.company.name, partner: project.partner.name }}
            canAdd={canEdit && open}
            actionData={actionData}
          />
          <section aria-labelledby="origin-title" className="section project-section" id="origine">
            <h2 id="origin-title">{t('projects.origin.title')}</h2>
            <h3 className="project-subtitle">{t('projects.origin.need')}</h3>
            <p>
              <Link to={`/besoins/${project.need.id}`}>{project.need.title}</Link>
            </p>
            {project.need.summary ? <p className="muted">{project.need.summary}</p> : null}
            {project.proposal ? (
              <>
                <h3 className="project-subtitle">{t('projects.origin.proposal')}</h3>
                <p className="muted">{t('projects.origin.proposalFrom', { org: project.partner.name })}</p>
                <p className="preserve-lines">{project.proposal.approach}</p>
                <p className="muted">
                  {t('projects.origin.duration', { count: project.proposal.durationMonths })} · {t(`needs.budget.${project.proposal.costRange as BudgetRange}`)}
                </p>
              </>
            ) : null}
          </section>
        </div>
      </div>
    </article>
  )
}

export const ErrorBoundary = RouteErrorPage
