import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import { hydrated } from './support/hydration'

/** Fails on any WCAG 2.1 A/AA violation axe-core finds on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([])
}

/**
 * The `page` every e2e test gets: each `goto` waits for the page to be hydrated and is followed
 * by an axe check, and so is the page a test ends on; browser errors (CSP violations, uncaught exceptions) fail the test.
 */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const browserErrors: string[] = []
    // A page deliberately answered with 4xx/5xx logs "Failed to load resource": not a bug.
    const failedDocuments = new Set<string>()
    // So does a form post refused with 4xx (validation, rate limit), fetched by Remix as `.data`.
    page.on('response', (response) => {
      const status = response.status()
      const refusedFormData = new URL(response.url()).pathname.endsWith('.data') && status >= 400 && status < 500
      if ((response.request().isNavigationRequest() && status >= 400) || refusedFormData) failedDocuments.add(response.url())
    })
    page.on('pageerror', (error) => browserErrors.push(`pageerror: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() !== 'error' || failedDocuments.has(message.location().url)) return
      browserErrors.push(`console: ${message.text()}`)
    })
    const goto = page.goto.bind(page)
    page.goto = async (url, options) => {
      const response = await goto(url, options)
      // Like a person, a test acts on a page once it is ready: React has taken it over (hydrated).
      if (response?.headers()['content-type']?.includes('text/html')) await hydrated(page)
      await expectAccessible(page)
      return response
    }
    await use(page)
    if (!page.isClosed()) await expectAccessible(page)
    expect(browserErrors, 'errors in the browser').toEqual([])
  },
})

export { expect }
