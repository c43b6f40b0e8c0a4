import type { Page } from '@playwright/test'

/** The header's « Mon compte » menu button, named after the signed-in person. */
export const accountButton = (page: Page, name: string) => page.getByRole('button', { name: `Mon compte (${name})` })

/** Signs out as a person would: « Mon compte », then « Se déconnecter » in the menu. */
export async function signOutFromHeader(page: Page) {
  await page.getByRole('button', { name: /^Mon compte \(/ }).click()
  await page.getByRole('navigation', { name: 'Mon compte' }).waitFor()
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click()
}
