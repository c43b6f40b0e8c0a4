import { requirePermission } from '~/http/actor.server'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/meetings'
import '~/i18n/areas/moderation'
import '~/i18n/areas/territories'

export const handle: PageHandle = { titleKey: 'layout.nav.animation' }

/** The animators' workspace: animators and admins only (the services check scope again). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'moderate:content:scope')
  return null
}

const links = [
  ['/animation', 'moderation.nav.dashboard'],
  ['/animation/besoins', 'moderation.nav.needs'],
  ['/animation/organisations', 'moderation.nav.organisations'],
  ['/animation/signalements', 'moderation.nav.reports'],
  ['/animation/suivi', 'moderation.nav.followUp'],
  ['/animation/guichet', 'territories.queue.nav'],
  ['/animation/journal', 'moderation.nav.journal'],
  ['/animation/rencontres', 'meetings.outcomes.boardTitle'],
] as const

export default function AnimationLayout() {
  const { t } = useTranslation()
  return (
    <div className="animation">
      <nav aria-label={t('moderation.nav.label')} className="animation-nav">
        <ul>
          {links.map(([to, key]) => (
            <li key={to}>
              <NavLink to={to} end>
                {t(key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  )
}

export const ErrorBoundary = RouteErrorPage
