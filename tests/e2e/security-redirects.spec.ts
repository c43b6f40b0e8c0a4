import type { Page } from '@playwright/test'
import { offSiteRedirects } from '../corpus/redirects'
import { expect, test } from './fixtures'
import { createTestUser, signInAs } from './support/db'

/**
 * Every redirect parameter against the tricky targets. Links (GET) are followed by Chromium itself:
 * whatever the browser makes of a tab, a newline, a backslash or an encoded slash, it must land on
 * this site. Form posts are sent as HTTP requests and their Location resolved with the WHATWG URL
 * parser, the one browsers use; the probe's two findings are also posted through Chromium.
 * The probing runs in its own context without JavaScript (plain documents, as a crafted link or
 * form arrives); axe checks these pages in the other tests.
 */
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!)

/** Posts a form from a page of the app's own origin, as a crafted form on the site would be. */
async function postFormInBrowser(page: Page, action: string, fields: Record<string, string>) {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('')
  await page.route('**/__formulaire-de-test', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><title>t</title><form method="post" action="${action}">${inputs}<button>Envoyer</button></form>` }),
  )
  await page.goto('/__formulaire-de-test')
  await page.getByRole('button', { name: 'Envoyer' }).click()
  await page.waitForLoadState('load')
  await page.unroute('**/__formulaire-de-test')
}

test('no redirect parameter sends anyone to another site', async ({ browser, baseURL }) => {
  test.setTimeout(90_000)
  const origin = new URL(baseURL!).origin
  const user = await createTestUser()
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', javaScriptEnabled: false })
  await signInAs(context, user.id, baseURL!)
  const probe = await context.newPage()
  const onSite = (url: string, what: string) => expect(new URL(url, baseURL).origin, what).toBe(origin)
  const postedTo = async (action: string, fields: Record<string, string>) => {
    const response = await context.request.post(action, { form: fields, maxRedirects: 0 })
    expect(response.status(), `POST ${action} ${JSON.stringify(fields.redirectTo)}`).toBe(302)
    return response.headers().location!
  }

  for (const target of offSiteRedirects) {
    const what = JSON.stringify(target)
    const encoded = encodeURIComponent(target)
    // Signed in, the sign-in and sign-up pages send on at once.
    await probe.goto(`/connexion?redirectTo=${encoded}`)
    onSite(probe.url(), `GET /connexion ${what}`)
    await probe.goto(`/inscription?redirectTo=${encoded}`)
    onSite(probe.url(), `GET /inscription ${what}`)
    // The welcome page's "continue" link: only ever to this site.
    await probe.goto(`/compte/bienvenue?suite=${encoded}`)
    const links = await probe.locator('a[href]').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href))
    for (const link of links) onSite(link, `welcome page link ${link} for ${what}`)

    onSite(await postedTo('/langue', { language: 'fr', redirectTo: target }), `POST /langue ${what}`)
    onSite(await postedTo('/connexion', { email: user.email, password: user.password, redirectTo: target }), `POST /connexion ${what}`)
  }

  for (const target of ['/\t/evil.example', '/\n/evil.example']) {
    await postFormInBrowser(probe, '/langue', { language: 'fr', redirectTo: target })
    onSite(probe.url(), `POST /langue in Chromium ${JSON.stringify(target)}`)
    await postFormInBrowser(probe, '/connexion', { email: user.email, password: user.password, redirectTo: target })
    onSite(probe.url(), `POST /connexion in Chromium ${JSON.stringify(target)}`)
  }
  await context.close()
})
