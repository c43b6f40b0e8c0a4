import { data, redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import type { ShouldRevalidateFunction } from '@remix-run/react'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from '~/i18n/react'
import { actorOf } from '~/domain/actor'
import { isOpenBeforeTermsAcceptance } from '~/domain/legal/terms'
import { navigationFlags } from '~/domain/permissions'
import { getSessionUser } from '~/http/session.server'
import { browserTranslations } from '~/i18n/browser-translations'
import { AreaTextsPreload } from '~/i18n/area-preloads'
import { languageFromRequest } from '~/i18n/language.server'
import { useNonce } from '~/nonce'
// Every page's shell texts (header, footer, errors): the other areas come with the modules that show them.
import '~/i18n/areas/common'
// The font's files are bundled and served by us (font-src 'self'): no external font service.
import '@fontsource-variable/public-sans/wght.css'
import stylesHref from '~/styles/app.css?url'
import { takeToast } from '~/http/toast.server'
import { AppLayout } from '~/ui/layout'
import { usePageTitle } from '~/ui/page-title'
import { ToastProvider } from '~/ui/toast'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesHref },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ name: 'viewport', content: 'width=device-width, initial-scale=1' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const language = await languageFromRequest(request)
  const { toast, clearHeader } = await takeToast(request)
  const sessionUser = await getSessionUser(request)
  // New terms of use are accepted before anything else (ADR 025): one place, every page.
  const { pathname, search } = new URL(request.url)
  if (sessionUser?.mustAcceptTerms && !isOpenBeforeTermsAcceptance(pathname)) {
    throw redirect(`/conditions-utilisation?redirectTo=${encodeURIComponent(pathname + search)}`)
  }
  const actor = sessionUser ? actorOf(sessionUser) : null
  const user = actor ? { id: actor.id, name: actor.name, ...navigationFlags(actor) } : null
  return data(
    { language, toast, user, requestId: context.requestId },
    clearHeader ? { headers: { 'Set-Cookie': clearHeader } } : undefined,
  )
}

/**
 * Same page, new query string, no form posted (search as you type, facets, pagination): nothing
 * the root knows (language, who is signed in, a flash message) can have changed, so its loader
 * is not asked again — each keystroke on /recherche costs one loader, not two and a session read.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) => {
  const queryOnly = currentUrl.pathname === nextUrl.pathname && currentUrl.search !== nextUrl.search
  if (queryOnly && (!formMethod || formMethod === 'GET')) return false
  return defaultShouldRevalidate
}

// In the browser, this module runs with the page's first scripts (before its load event): from
// then on React is on its way, and end-to-end tests wait for <html data-hydrated> (set below).
if (typeof window !== 'undefined') (window as { passerelleHydrating?: boolean }).passerelleHydrating = true

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>('root')
  const nonce = useNonce()
  const { t, i18n } = useTranslation()
  // Without the root's data (its loader failed), the page stays in the language it was rendered in.
  const language = rootData?.language ?? i18n.language
  const title = usePageTitle()
  useEffect(() => {
    if (i18n.language !== language) void browserTranslations.switchLanguage(language)
  }, [i18n, language])
  // Marks the page once React has taken it over. End-to-end tests wait for it before typing into
  // a page they have just loaded: typing while React 18 hydrates a form can still crash the
  // hydration under heavy load (entry.client.tsx); the page then works as without JavaScript.
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true'
  }, [])
  return (
    <html lang={language} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
        <meta name="description" content={t('meta.description')} />
        <Meta />
        <Links />
        <AreaTextsPreload nonce={nonce} />
      </head>
      <body>
        <ToastProvider initial={rootData?.toast}>
          <AppLayout user={rootData?.user ?? null}>{children}</AppLayout>
        </ToastProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export { RouteErrorPage as ErrorBoundary } from '~/ui/error-page'
