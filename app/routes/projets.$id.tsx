import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { idParam, orRefuse, requireActor } from '~/domain/needs/http.server'
import { Fact, formatDate } from '~/ui/needs/need-display'
import type { BudgetRange } from '~/domain/needs/schema'
import { projectConversationFor, unreadCounts } from '~/domain/messaging/service.server'
import { getProjectForMember, projectAnimatorIds } from '~/domain/projects/service.server'
import { ButtonLink } from '~/ui/button'
import type { Language } from '~/i18n/config'
import { RouteErrorPage } from '~/ui/error-page'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const projectId = idParam(params, 'id')
  const actor = await requireActor(request)
  // Members of both organisations only; anyone else gets a 404, as if there were no project.
  const project = await orRefuse(() => getProjectForMember(actor, projectId))
  // The room: members of both organisations plus the animators of the need's spaces.
  const room = await projectConversationFor(actor, projectId, await projectAnimatorIds(project.need.id))
  const unread = (await unreadCounts(actor.id))[room.id] ?? 0
  return { ...project, room: { id: room.id, unread } }
}

export default function ProjectPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const project = useLoaderData<typeof loader>()
  return (
    <article aria-labelledby="project-title" className="need-page project-page">
      <p className="eyebrow">{t('needs.projects.eyebrow')}</p>
      <h1 id="project-title">{project.need.title}</h1>
      <p className="lead">{t('needs.projects.lead', { company: project.company.name, partner: project.partner.name })}</p>
      <dl className="facts">
        <Fact term={t('needs.projects.statusLabel')}>
          <span className={`badge badge-project-${project.status}`}>{t(`needs.projects.status.${project.status}`)}</span>
        </Fact>
        <Fact term={t('needs.projects.company')}>{project.company.name}</Fact>
        <Fact term={t('needs.projects.partner')}>{project.partner.name}</Fact>
        <Fact term={t('needs.projects.need')}>
          <Link to={`/besoins/${project.need.id}`}>{project.need.title}</Link>
        </Fact>
        <Fact term={t('needs.projects.createdOn')}>{formatDate(project.createdAt, language)}</Fact>
      </dl>

      {project.proposal ? (
        <section aria-labelledby="proposal-title" className="section">
          <h2 id="proposal-title">{t('needs.projects.proposal')}</h2>
          <p className="preserve-lines">{project.proposal.approach}</p>
          <p className="muted">
            {t('needs.proposals.view.durationValue', { count: project.proposal.durationMonths })} · {t(`needs.budget.${project.proposal.costRange as BudgetRange}`)}
          </p>
        </section>
      ) : null}

      <section aria-labelledby="room-title" className="section callout">
        <h2 id="room-title">{t('needs.projects.roomTitle')}</h2>
        <p>{t('needs.projects.roomLead')}</p>
        <ButtonLink href={`/messages/${project.room.id}`}>
          {project.room.unread ? t('needs.projects.roomOpenUnread', { count: project.room.unread }) : t('needs.projects.roomOpen')}
        </ButtonLink>
      </section>

      <section aria-labelledby="members-title" className="section">
        <h2 id="members-title">{t('needs.projects.members')}</h2>
        <ul className="member-list">
          {project.members.map((member) => (
            <li key={member.id}>
              <strong>{member.name}</strong>
              {member.title ? <span className="muted"> — {member.title}</span> : null}
            </li>
          ))}
        </ul>
      </section>

      <p className="callout need-next">{t('needs.projects.nextSteps')}</p>
    </article>
  )
}

export const ErrorBoundary = RouteErrorPage
