import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { createI18n, defaultLanguage, isLanguage } from '~/i18n/config'

const pageLanguage = document.documentElement.lang
const i18n = createI18n(isLanguage(pageLanguage) ? pageLanguage : defaultLanguage)

startTransition(() => {
  hydrateRoot(
    document,
    <I18nextProvider i18n={i18n}>
      <StrictMode>
        <RemixBrowser />
      </StrictMode>
    </I18nextProvider>,
  )
})
