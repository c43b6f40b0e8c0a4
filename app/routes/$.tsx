import { RouteErrorPage } from '~/ui/error-page'

/** Any unknown URL: a real 404 status with the French not-found page. */
export function loader() {
  throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
  return null
}

export const ErrorBoundary = RouteErrorPage
