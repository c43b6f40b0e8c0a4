import type { Browser } from '@playwright/test'
import { signInAs, type TestUser } from './db'

/** A second person in their own browser context; the test checks `errors` (browser errors there fail it too). */
export async function secondPerson(browser: Browser, user: TestUser, baseURL: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', ...options })
  await signInAs(context, user.id, baseURL)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  return { page, errors, close: () => context.close() }
}
