import type { PageHandle } from '~/ui/page-title'
import { LegalPage } from '~/ui/legal-page'
import { RouteErrorPage } from '~/ui/error-page'
import '~/i18n/areas/legal'

export const handle: PageHandle = { titleKey: 'legal.legalNotice.title' }

const sections = ['publisher', 'host', 'contact', 'property'] as const

export default function LegalNoticePage() {
  return <LegalPage page="legalNotice" sections={sections} updated="2026-12-03" />
}

export const ErrorBoundary = RouteErrorPage
