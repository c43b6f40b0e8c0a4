import { Outlet } from '@remix-run/react'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/auth'

export const handle: PageHandle = { titleKey: 'auth.account.title' }

/** /compte and its pages (/compte/bienvenue); each page requires a signed-in user itself. */
export default function AccountLayout() {
  return <Outlet />
}

export const ErrorBoundary = RouteErrorPage
