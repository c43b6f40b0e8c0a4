import type { Page } from '@playwright/test'
import { hydrated } from './hydration'

/**
 * Fills and sends the sign-in form the page shows (/connexion). The form often comes with a
 * document just loaded by a plain link ("Se connecter pour continuer"), which the fixture's
 * `goto` does not wait for: like a person, act once React has the page (typing while React 18
 * hydrates can crash the hydration on a loaded machine, entry.client.tsx).
 */
export async function signInWithForm(page: Page, email: string, password: string) {
  await page.waitForURL(/\/connexion/)
  await hydrated(page)
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe', { exact: false }).fill(password)
  await page.getByRole('button', { name: 'Se connecter' }).click()
}
