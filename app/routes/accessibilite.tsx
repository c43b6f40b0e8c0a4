import type { PageHandle } from '~/ui/page-title'
import { LegalPage } from '~/ui/legal-page'
import { RouteErrorPage } from '~/ui/error-page'
import '~/i18n/areas/legal'

export const handle: PageHandle = { titleKey: 'legal.accessibility.title' }

const sections = ['status', 'tests', 'known', 'feedback', 'remedies'] as const

export default function AccessibilityPage() {
  return <LegalPage page="accessibility" sections={sections} updated="2026-12-03" />
}

export const ErrorBoundary = RouteErrorPage
