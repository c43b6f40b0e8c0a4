import { RemixBrowser } from '@remix-run/react'
import { StrictMode, useSyncExternalStore, type ReactNode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { browserTranslations, pageLanguage } from '~/i18n/browser-translations'
import { TranslatorProvider } from '~/i18n/react'

// The page's modules have already downloaded their areas' texts in its language (they ran first).
browserTranslations.start(pageLanguage())

function BrowserTranslator({ children }: { children: ReactNode }) {
  const translator = useSyncExternalStore(browserTranslations.subscribe, browserTranslations.current, browserTranslations.current)
  return <TranslatorProvider translator={translator}>{children}</TranslatorProvider>
}

// Hydrated as a blocking update, not inside startTransition: with React 18, typing into a
// form (conform keeps its state in an external store) while a time-sliced hydration is still
// running can crash the root ("Root did not complete", React error #345) — reproduced here
// under CPU load, gone without the transition.
hydrateRoot(
  document,
  <BrowserTranslator>
    <StrictMode>
      <RemixBrowser />
    </StrictMode>
  </BrowserTranslator>,
)
