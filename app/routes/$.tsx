import { refuse } from '~/http/domain-response.server'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'

export const handle: PageHandle = { titleKey: 'errors.notFoundTitle' }

/** Any unknown URL: a real 404 status with the French not-found page. */
export function loader() {
  refuse('not_found')
}

export default function NotFound() {
  return null
}

export const ErrorBoundary = RouteErrorPage
