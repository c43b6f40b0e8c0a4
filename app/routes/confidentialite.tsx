import type { PageHandle } from '~/ui/page-title'
import { LegalPage } from '~/ui/legal-page'
import { RouteErrorPage } from '~/ui/error-page'
import '~/i18n/areas/legal'

export const handle: PageHandle = { titleKey: 'legal.privacy.title' }

const sections = ['controller', 'data', 'purposes', 'retention', 'confidentiality', 'cookies', 'rights'] as const

export default function PrivacyPage() {
  return <LegalPage page="privacy" sections={sections} updated="2026-12-03" />
}

export const ErrorBoundary = RouteErrorPage
