import { randomUUID } from 'node:crypto'
import { expect, test } from './fixtures'
import { accountButton, signOutFromHeader } from './support/header'
import { createTestUser, signInAs } from './support/db'
import { linkIn, mailFilesTo, waitForMail } from './support/mail'
import { signInWithForm } from './support/sign-in'

const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@exemple.test`

test('sign up, read the verification mail, follow its link: the address is verified', async ({ page }) => {
  const email = uniqueEmail('inscription')
  await page.goto('/')
  await page.getByRole('link', { name: 'Créer un compte' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Créer un compte')

  await page.getByLabel('Prénom et nom').fill('Sophie Lambert')
  await page.getByLabel('Adresse e-mail').fill(email.toUpperCase())
  await page.getByLabel('Mot de passe').fill('les lunettes de Morez sont solides')
  await page.getByLabel('Industriel').check()
  await page.getByLabel('J’accepte les conditions d’utilisation', { exact: false }).check()
  await page.getByRole('button', { name: 'Créer mon compte' }).click()

  // The same answer as for an address that has an account: the mailbox tells the rest.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifiez votre boîte mail')
  await expect(page.getByText(`Un e-mail vient d’être envoyé à ${email}.`, { exact: false })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible()

  const mail = await waitForMail(email)
  expect(mail.subject).toBe('Confirmez votre adresse e-mail sur Passerelle')
  const link = linkIn(mail, '/verifier-email/')
  await page.goto(link)
  await expect(page.getByText(`confirmez que l’adresse ${email} est bien la vôtre`)).toBeVisible()
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Merci ! Votre adresse e-mail ${email} est vérifiée.` })).toBeVisible()

  await page.getByRole('link', { name: 'Se connecter pour continuer' }).click()
  await signInWithForm(page, email, 'les lunettes de Morez sont solides')
  await expect(page).toHaveURL(/\/compte\/bienvenue$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue sur Passerelle, Sophie Lambert !')
  await expect(accountButton(page, 'Sophie Lambert')).toBeVisible()

  await page.getByRole('link', { name: 'Aller à mon compte' }).click()
  await expect(page.getByText(`${email} — vérifiée`)).toBeVisible()

  // The link works once; opened again it says there is nothing left to do.
  await page.goto(link)
  await expect(page.getByText('Votre adresse e-mail est déjà vérifiée')).toBeVisible()
})

test('sign out, then sign in again and land where you were going', async ({ page }) => {
  const user = await createTestUser({ name: 'Marc Durand' })
  await page.goto('/connexion')
  await signInWithForm(page, user.email, user.password)
  await expect(accountButton(page, 'Marc Durand')).toBeVisible()

  await signOutFromHeader(page)
  await expect(page.getByText('Vous êtes déconnecté. À bientôt sur Passerelle !')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible()

  // A page that needs an account sends to sign-in, then back.
  await page.goto('/compte')
  await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fcompte$/)
  await signInWithForm(page, user.email, user.password)
  await expect(page).toHaveURL(/\/compte$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon compte')
})

test('a wrong password shows a French error by the form, and never says whether the address exists', async ({ page }) => {
  const user = await createTestUser()
  await page.goto('/connexion')
  await signInWithForm(page, user.email, 'ce n’est pas le bon')
  const alert = page.getByRole('alert')
  await expect(alert).toHaveText('Adresse e-mail ou mot de passe incorrect.')
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue(user.email)
  await expect(page.getByLabel('Mot de passe', { exact: false })).toHaveValue('')

  await signInWithForm(page, uniqueEmail('inconnu'), 'ce n’est pas le bon')
  await expect(alert).toHaveText('Adresse e-mail ou mot de passe incorrect.')
})

test('after 5 wrong passwords from one place, that place waits; the owner elsewhere signs in at once', async ({ page, browser, baseURL }) => {
  const user = await createTestUser()
  // Another place: the e2e server trusts one proxy, so X-Forwarded-For is the client address.
  const elsewhere = await browser.newContext({ baseURL, locale: 'fr-FR', extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.20' } })
  await page.context().setExtraHTTPHeaders({ 'X-Forwarded-For': '203.0.113.10' })
  await page.goto('/connexion')
  for (let i = 0; i < 5; i++) {
    await signInWithForm(page, user.email, `mauvais essai ${i}`)
    await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.')
  }
  await signInWithForm(page, user.email, user.password)
  await expect(page.getByRole('alert')).toContainText(/Trop de tentatives de connexion : par sécurité, réessayez à \d{2}:\d{2} \(dans 1 min\), ou depuis un navigateur où vous vous êtes déjà connecté\./)

  const owner = await elsewhere.newPage()
  await owner.goto('/connexion')
  await signInWithForm(owner, user.email, user.password)
  await expect(accountButton(owner, user.name)).toBeVisible()
  await elsewhere.close()
})

test('forgotten password: the mailed link sets a new one and closes the other sessions', async ({ page, browser, baseURL }) => {
  const user = await createTestUser({ name: 'Nadia Benali' })
  // Another device where Nadia is signed in.
  const otherDevice = await browser.newContext()
  await signInAs(otherDevice, user.id, baseURL!)
  const otherPage = await otherDevice.newPage()
  await otherPage.goto('/compte')
  await expect(otherPage.getByRole('heading', { level: 1 })).toHaveText('Mon compte')

  await page.goto('/connexion')
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mot de passe oublié')
  await page.getByLabel('Adresse e-mail').fill(user.email)
  await page.getByRole('button', { name: 'Recevoir le lien' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Si un compte existe pour ${user.email}, un e-mail vient de lui être envoyé.` })).toBeVisible()

  const mail = await waitForMail(user.email, { subject: /mot de passe/ })
  expect(mail.subject).toBe('Réinitialisez votre mot de passe Passerelle')
  const link = linkIn(mail, '/reinitialiser-mot-de-passe/')
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choisir un nouveau mot de passe')
  await page.getByLabel(/^Nouveau mot de passe/).fill('azerty123456')
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click()
  await expect(page.getByText('Ce mot de passe fait partie des plus courants', { exact: false })).toBeVisible()

  const newPassword = 'le Jura en hiver, toujours beau'
  await page.getByLabel(/^Nouveau mot de passe/).fill(newPassword)
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click()
  await expect(page).toHaveURL(/\/compte$/)
  await expect(page.getByText('Votre mot de passe est changé. Par sécurité, vos autres sessions ont été fermées.')).toBeVisible()
  await expect(accountButton(page, 'Nadia Benali')).toBeVisible()

  // The other device is signed out.
  await otherPage.goto('/compte')
  await expect(otherPage).toHaveURL(/\/connexion/)
  await otherDevice.close()

  // The link is spent.
  await page.goto(link)
  await expect(page.getByRole('alert')).toHaveText('Ce lien de réinitialisation a déjà servi.')
  await expect(page.getByRole('link', { name: 'Demander un nouveau lien' })).toBeVisible()

  await signOutFromHeader(page)
  // Signed out once the header offers to sign in (a goto sooner would race the sign-out's redirect).
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible()
  await page.goto('/connexion')
  await signInWithForm(page, user.email, newPassword)
  await expect(accountButton(page, 'Nadia Benali')).toBeVisible()
})

test('sign-up with bad input shows an error next to each field', async ({ page }) => {
  await page.goto('/inscription')
  await page.getByLabel('Adresse e-mail').fill('claire@')
  await page.getByLabel('Mot de passe').fill('court')
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  await expect(page.getByText('Acceptez les conditions d’utilisation pour créer votre compte.')).toBeVisible()
  await expect(page.getByText('Indiquez votre nom.')).toBeVisible()
  await expect(page.getByText('Cette adresse e-mail n’est pas valide', { exact: false })).toBeVisible()
  await expect(page.getByText('Le mot de passe doit faire au moins 12 caractères.')).toBeVisible()
  await expect(page.getByText('Choisissez votre profil : industriel, ou chercheur / centre technique.')).toBeVisible()
  await expect(page.getByLabel('Mot de passe')).toHaveAttribute('aria-invalid', 'true')

  await page.getByLabel('Mot de passe').fill('motdepasse2024!')
  await expect(page.getByText('Ce mot de passe fait partie des plus courants', { exact: false })).toBeVisible()
})

test('sign-up with an address that has an account answers like any other; its owner is told by e-mail', async ({ page }) => {
  const user = await createTestUser()
  await page.goto('/inscription')
  await page.getByLabel('Prénom et nom').fill('Quelqu’un d’autre')
  await page.getByLabel('Adresse e-mail').fill(user.email)
  await page.getByLabel('Mot de passe').fill('une autre phrase bien longue')
  await page.getByLabel('Chercheur / centre technique').check()
  await page.getByLabel('J’accepte les conditions d’utilisation', { exact: false }).check()
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifiez votre boîte mail')
  await expect(page.getByText(`Un e-mail vient d’être envoyé à ${user.email}.`, { exact: false })).toBeVisible()
  await expect(page.getByText('Un compte existe déjà', { exact: false })).toHaveCount(0)

  const notice = await waitForMail(user.email, { subject: /déjà un compte/ })
  expect(notice.subject).toBe('Vous avez déjà un compte Passerelle')
  expect(linkIn(notice, '/reinitialiser-mot-de-passe/')).toMatch(/^http:\/\/localhost:\d+\/reinitialiser-mot-de-passe\//)
})

test('sign-up errors come from the server too, without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/inscription')
  await page.getByLabel('Prénom et nom').fill('X')
  await page.getByLabel('Adresse e-mail').fill(uniqueEmail('sansjs'))
  await page.getByLabel('Mot de passe').fill('azertyuiop123')
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  await expect(page.getByText('Acceptez les conditions d’utilisation pour créer votre compte.')).toBeVisible()
  await expect(page.getByText('Le nom doit faire au moins 2 caractères.')).toBeVisible()
  await expect(page.getByText('Ce mot de passe fait partie des plus courants', { exact: false })).toBeVisible()
  await expect(page.getByText('Choisissez votre profil', { exact: false })).toBeVisible()
  // axe-core needs JavaScript; these pages are checked with it in the tests above.
  await context.close()
})

test('the verification link works without JavaScript: the page’s button verifies, a second press says it is done', async ({ browser }) => {
  const email = uniqueEmail('sansjs-verif')
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/inscription')
  await page.getByLabel('Prénom et nom').fill('Léa Sans Script')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill('les horloges de Morbier sonnent juste')
  await page.getByLabel('Industriel').check()
  await page.getByLabel('J’accepte les conditions d’utilisation', { exact: false }).check()
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifiez votre boîte mail')

  const link = linkIn(await waitForMail(email), '/verifier-email/')
  await page.goto(link)
  const verified = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === new URL(link).pathname)
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click()
  expect((await verified).status()).toBe(200)
  await expect(page.getByRole('status').filter({ hasText: `Merci ! Votre adresse e-mail ${email} est vérifiée.` })).toBeVisible()
  // Opened again, then the same form posted again (a double click, a reload that re-posts): already done.
  await page.goto(link)
  await expect(page.getByText('Votre adresse e-mail est déjà vérifiée')).toBeVisible()
  const again = await page.request.post(link, { form: {}, headers: { origin: new URL(link).origin } })
  expect(again.status()).toBe(200)
  expect(await again.text()).toContain('Votre adresse e-mail est déjà vérifiée')
  await context.close()
})

test('an expired, used or unknown link says so in French and offers a new one', async ({ page }) => {
  const unknown = await page.goto(`/verifier-email/${'x'.repeat(43)}`)
  expect(unknown?.status()).toBe(404)
  await expect(page.getByRole('alert')).toContainText('Ce lien de vérification n’est pas valide.')
  await expect(page.getByRole('button', { name: 'Confirmer mon adresse' })).toHaveCount(0)
  // Pressing a button that is not there (a forged POST) does nothing either.
  const posted = await page.request.post(`/verifier-email/${'x'.repeat(43)}`, { form: {} })
  expect(posted.status()).toBe(404)
  await expect(page.getByRole('link', { name: 'Se connecter pour recevoir un nouveau lien' })).toBeVisible()
  await page.goto('/verifier-email/pas-un-jeton')
  await expect(page.getByRole('alert')).toContainText('n’est pas valide')
  await page.goto(`/reinitialiser-mot-de-passe/${'y'.repeat(43)}`)
  await expect(page.getByRole('alert')).toHaveText('Ce lien de réinitialisation n’est pas valide. Vérifiez que vous avez copié l’adresse en entier.')
})

test('account page: edit the profile, resend the verification link, sign out everywhere else', async ({ page, context, browser, baseURL }) => {
  const user = await createTestUser({ name: 'Paul Girard', verified: false })
  await signInAs(context, user.id, baseURL!)
  const otherDevice = await browser.newContext()
  await signInAs(otherDevice, user.id, baseURL!)

  await page.goto('/compte')
  await expect(page.getByText(`${user.email} — pas encore vérifiée`)).toBeVisible()
  await expect(page.getByText('Sessions ouvertes (appareils ou navigateurs connectés) : 2')).toBeVisible()

  await page.getByLabel('Fonction').fill('Responsable méthodes')
  await page.getByLabel('Prénom et nom').fill('Paul Girard-Morel')
  await page.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(page.getByText('Votre profil est enregistré.')).toBeVisible()
  await expect(accountButton(page, 'Paul Girard-Morel')).toBeVisible()
  await expect(page.getByLabel('Fonction')).toHaveValue('Responsable méthodes')

  await page.getByLabel('Prénom et nom').fill('')
  await page.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(page.getByText('Indiquez votre nom.')).toBeVisible()
  await page.reload()

  const seen = await mailFilesTo(user.email)
  await page.getByRole('button', { name: 'Renvoyer le lien de vérification' }).click()
  await expect(page.getByText(`Un nouveau lien de vérification a été envoyé à ${user.email}.`)).toBeVisible()
  const link = linkIn(await waitForMail(user.email, { ignore: seen }), '/verifier-email/')
  // Opening the link (as a mail scanner or a link preview would) verifies nothing: the button does.
  const opened = await page.goto(link)
  expect(opened?.status()).toBe(200)
  expect(opened?.headers()['cache-control']).toContain('no-store')
  await expect(page.getByRole('button', { name: 'Confirmer mon adresse' })).toBeVisible()
  await page.goto('/compte')
  await expect(page.getByText(`${user.email} — pas encore vérifiée`)).toBeVisible()
  await page.goto(link)
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'est vérifiée' })).toBeVisible()
  await page.goto('/compte')
  await expect(page.getByText(`${user.email} — vérifiée`)).toBeVisible()

  await page.getByRole('button', { name: 'Se déconnecter partout ailleurs' }).click()
  await expect(page.getByText('Toutes vos autres sessions sont fermées.')).toBeVisible()
  await expect(page.getByText('Sessions ouvertes (appareils ou navigateurs connectés) : 1')).toBeVisible()
  const otherPage = await otherDevice.newPage()
  await otherPage.goto('/compte')
  await expect(otherPage).toHaveURL(/\/connexion/)
  await otherDevice.close()
})
