import { RemixBrowser } from '@remix-run/react'
import { StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { loadTranslations } from '~/i18n/client-translations'
import { defaultLanguage, initI18n, isLanguage } from '~/i18n/config'

const pageLanguage = document.documentElement.lang
const language = isLanguage(pageLanguage) ? pageLanguage : defaultLanguage
// Only the page's language is downloaded; hydration waits for it (the server-rendered page is already shown).
const i18n = initI18n(language, { [language]: { translation: await loadTranslations(language) } })

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
