import { RemixBrowser } from '@remix-run/react'
import { StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { browserTranslations, pageLanguage } from '~/i18n/browser-translations'
import { initI18n } from '~/i18n/config'

// The page's modules have already downloaded their areas' texts in its language (they ran first).
const i18n = initI18n(pageLanguage(), browserTranslations.loaded(), { reportMissing: true })
browserTranslations.attach(i18n)

// Hydrated as a blocking update, not inside startTransition: with React 18, typing into a
// form (conform keeps its state in an external store) while a time-sliced hydration is still
// running can crash the root ("Root did not complete", React error #345) — reproduced here
// under CPU load, gone without the transition.
hydrateRoot(
  document,
  <I18nextProvider i18n={i18n}>
    <StrictMode>
      <RemixBrowser />
    </StrictMode>
  </I18nextProvider>,
)
