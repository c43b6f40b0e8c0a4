import { readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import ICAL from 'ical.js'
import mongoose from 'mongoose'
import { expect, test } from './fixtures'
import { createTestUser, e2eDb, signInAs } from './support/db'
import { addMember, createOrganisation } from './support/marketplace'

/** A day a month from now, as a datetime-local date (the times are Paris time). */
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)

async function animatorOfHautJura() {
  const animator = await createTestUser({ role: 'animator', name: `Sophie Rencontres ${randomUUID().slice(0, 6)}` })
  const db = await e2eDb()
  await db.collection('users').updateOne({ _id: new mongoose.Types.ObjectId(animator.id) }, { $set: { animates: [{ kind: 'territory', ref: 'haut-jura' }] } })
  return animator
}

async function participant(label: string) {
  const unique = randomUUID().slice(0, 6)
  const person = await createTestUser({ role: 'industrialist', name: `${label} ${unique}` })
  const orgId = await createOrganisation('company', `Plasturgie ${label} ${unique} (fictive)`)
  await addMember(orgId, person.id, 'owner')
  return person
}

test('an animator creates a meeting; with one seat the second registrant waits, then moves up when the first cancels, and gets an .ics at 14:00 Paris time', async ({ page, context, baseURL }) => {
  const animator = await animatorOfHautJura()
  const first = await participant('Alice')
  const second = await participant('Bruno')
  const title = `Rencontre plasturgie ${randomUUID().slice(0, 6)}`
  const day = inAMonth()

  await signInAs(context, animator.id, baseURL!)
  await page.goto('/rencontres/nouvelle')
  await page.getByLabel('Titre').fill(title)
  await page.getByLabel('Début (date et heure)').fill(`${day}T14:00`)
  await page.getByLabel('Fin (date et heure)').fill(`${day}T17:00`)
  await page.getByRole('radio', { name: /En ligne/ }).check()
  await page.getByLabel('Nombre de places').fill('0')
  await page.getByLabel('Lien de la visioconférence').fill('http://visio.exemple.fr/salle')
  await page.getByRole('button', { name: 'Publier la rencontre' }).click()
  // Bad input is said in French, next to the field.
  await expect(page.getByText('Le nombre de places doit être un nombre entier d’au moins 1.')).toBeVisible()
  await expect(page.getByText('Indiquez un lien valide commençant par https://.')).toBeVisible()
  await page.getByLabel('Nombre de places').fill('1')
  await page.getByLabel('Lien de la visioconférence').fill('https://visio.exemple.fr/salle')
  await page.getByRole('button', { name: 'Publier la rencontre' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const meetingUrl = new URL(page.url()).pathname
  expect(meetingUrl).toMatch(/^\/rencontres\/[a-f0-9]{24}$/)
  await expect(page.getByText('14:00')).toBeVisible()

  // The public list shows it among the upcoming meetings.
  await page.goto('/rencontres')
  await expect(page.getByRole('region', { name: 'À venir' }).getByRole('link', { name: title })).toBeVisible()

  // First participant takes the only seat.
  await context.clearCookies()
  await signInAs(context, first.id, baseURL!)
  await page.goto(meetingUrl)
  await page.getByRole('button', { name: 'M’inscrire' }).click()
  await expect(page.getByText('Vous êtes inscrit.')).toBeVisible()

  // The second one waits.
  await context.clearCookies()
  await signInAs(context, second.id, baseURL!)
  await page.goto(meetingUrl)
  await page.getByRole('button', { name: 'M’inscrire' }).click()
  await expect(page.getByText(/Vous êtes en liste d’attente \(rang 1\)/)).toBeVisible()

  // The first cancels: the second moves up on their own.
  await context.clearCookies()
  await signInAs(context, first.id, baseURL!)
  await page.goto(meetingUrl)
  await page.getByRole('button', { name: 'Me désinscrire' }).click()
  await expect(page.getByText('Votre inscription est annulée.')).toBeVisible()

  await context.clearCookies()
  await signInAs(context, second.id, baseURL!)
  await page.goto(meetingUrl)
  await expect(page.getByText('Vous êtes inscrit.')).toBeVisible()

  // The calendar file, read back by a real iCalendar parser: 14:00 in Europe/Paris.
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^rencontre-[a-f0-9]{24}\.ics$/)
  const calendar = new ICAL.Component(ICAL.parse(readFileSync((await download.path())!, 'utf8')))
  expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST')
  const vevent = calendar.getFirstSubcomponent('vevent')!
  const event = new ICAL.Event(vevent)
  expect(event.summary).toBe(title)
  expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Paris')
  expect(event.startDate.toString()).toBe(`${day}T14:00:00`)
  expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Paris')
})

test('the animator finds the past meetings of their territory with their outcomes in the animation space', async ({ page, context, baseURL }) => {
  const animator = await animatorOfHautJura()
  await signInAs(context, animator.id, baseURL!)
  await page.goto('/animation/rencontres')
  await expect(page.getByRole('heading', { level: 1, name: 'Rencontres passées et retombées' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: /animation/i }).getByRole('link', { name: 'Rencontres passées et retombées' })).toBeVisible()
})
