import type { Page } from '@playwright/test'

/** Fills and sends the sign-in form the page shows (/connexion). */
export async function signInWithForm(page: Page, email: string, password: string) {
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe', { exact: false }).fill(password)
  await page.getByRole('button', { name: 'Se connecter' }).click()
}
