import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { RouteErrorPage } from '~/ui/error-page'
import { LegalPage } from '~/ui/legal-page'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/legal'

export const handle: PageHandle = { titleKey: 'legal.contact.title' }

export function loader({ context }: LoaderFunctionArgs) {
  return { contactEmail: context.contactEmail }
}

const sections = ['need', 'answer', 'animators', 'team'] as const

export default function ContactPage() {
  const { contactEmail } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <LegalPage page="contact" sections={sections} updated="2026-12-03">
      <p className="notice">
        {t('legal.contact.writeTo')} <a href={`mailto:${contactEmail}`}>{contactEmail}</a>
      </p>
    </LegalPage>
  )
}

export const ErrorBoundary = RouteErrorPage
