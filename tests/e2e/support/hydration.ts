import type { Page } from '@playwright/test'

/**
 * Waits until React has taken over the page just loaded (root.tsx marks <html data-hydrated>).
 * A click before then is a full page load rather than the app's navigation, and typing while
 * React 18 hydrates a form can crash the hydration on a loaded machine (entry.client.tsx).
 * A page whose scripts did not run (tests of the no-JavaScript path strip or empty them) has
 * nothing to wait for: root.tsx's module, which runs with the page's first scripts, says it started.
 */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => !(window as { passerelleHydrating?: boolean }).passerelleHydrating || document.documentElement.dataset.hydrated === 'true')
}
