import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import ICAL from 'ical.js'
import { createTestUser, signInAs } from './support/db'
import { addMember, createOrganisation } from './support/marketplace'
import { createMeeting, makeAnimatorOfHautJura, registerFor } from './support/meetings'
import { secondPerson } from './support/people'
import { expect, expectAccessible, test } from './fixtures'

/**
 * Issue 18, business meetings: the animator gives a meeting its slot grid (a grid that does not
 * fit the event is refused), two registered participants — one asks the other for a one-to-one,
 * the other accepts — find the same slot and table in their agendas, and download an .ics that a
 * real iCalendar parser (ical.js) reads back at the right Paris time.
 */
function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone))
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
}

test('an animator sets the slots, two participants agree on a one-to-one and both get it in their agenda and calendar', async ({ page, browser, baseURL }) => {
  const unique = randomUUID().slice(0, 6)
  const animator = await createTestUser({ name: `Sophie Animatrice ${unique}` })
  await makeAnimatorOfHautJura(animator.id)
  const title = `Rencontre vision industrielle ${unique}`
  const meeting = await createMeeting(animator.id, title)

  const asker = await createTestUser({ name: `Claire Industrielle ${unique}`, role: 'industrialist' })
  const askerOrg = await createOrganisation('company', `Lunettes ${unique}`)
  await addMember(askerOrg, asker.id, 'owner')
  const host = await createTestUser({ name: `Hugo Chercheur ${unique}`, role: 'researcher' })
  const hostOrg = await createOrganisation('lab', `Laboratoire ${unique}`)
  await addMember(hostOrg, host.id, 'owner')
  await registerFor(meeting.id, asker.id, askerOrg)
  await registerFor(meeting.id, host.id, hostOrg)

  // The animator sets the grid: first one that ends after the event (refused), then a good one.
  await signInAs(page.context(), animator.id, baseURL!)
  await page.goto(`/rencontres/${meeting.id}/creneaux`)
  await expect(page.getByRole('heading', { level: 1, name: 'Créneaux des rendez-vous d’affaires' })).toBeVisible()
  await page.getByLabel('Durée d’un créneau (minutes)').fill('20')
  await page.getByLabel('Nombre de tables').fill('4')
  await page.getByLabel('Début du premier créneau (heure de Paris)').fill(`${meeting.day}T14:00`)
  await page.getByLabel('Fin du dernier créneau (heure de Paris)').fill(`${meeting.day}T19:00`)
  await page.getByRole('button', { name: 'Enregistrer les créneaux' }).click()
  await expect(page.getByText('Les créneaux ne peuvent pas finir après la fin de la rencontre.')).toBeVisible()
  await expect(page.getByLabel('Fin du dernier créneau (heure de Paris)')).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page)
  await page.getByLabel('Fin du dernier créneau (heure de Paris)').fill(`${meeting.day}T16:00`)
  await page.getByRole('button', { name: 'Enregistrer les créneaux' }).click()
  await expect(page.getByText('Créneaux enregistrés : 6 créneaux.')).toBeVisible()
  await expect(page.getByText('Grille actuelle : 6 créneaux de 20 min, 4 tables.')).toBeVisible()

  // The asker browses who comes and asks the researcher for a one-to-one.
  const askerSide = await secondPerson(browser, asker, baseURL!)
  await askerSide.page.goto(`/rencontres/${meeting.id}`)
  await expectAccessible(askerSide.page)
  await askerSide.page.getByRole('navigation', { name: 'Rendez-vous d’affaires' }).getByRole('link', { name: 'Participants' }).click()
  await expect(askerSide.page.getByRole('heading', { level: 1, name: 'Qui vient ?' })).toBeVisible()
  const hostCard = askerSide.page.getByRole('listitem').filter({ has: askerSide.page.getByRole('heading', { level: 2, name: host.name }) })
  await expect(hostCard.getByRole('link', { name: `Laboratoire ${unique}` })).toBeVisible()
  await expectAccessible(askerSide.page)
  await hostCard.getByLabel('Message (facultatif)').fill('Nous cherchons un partenaire en vision pour nos contrôles qualité.')
  await hostCard.getByRole('button', { name: `Demander un rendez-vous à ${host.name}` }).click()
  await expect(askerSide.page.getByText(`Demande envoyée à ${host.name}.`)).toBeVisible()
  await expect(hostCard.getByText('Demande envoyée, en attente de réponse.')).toBeVisible()

  // The researcher finds the request in their agenda and accepts it.
  const hostSide = await secondPerson(browser, host, baseURL!)
  await hostSide.page.goto(`/rencontres/${meeting.id}/mon-agenda`)
  const received = hostSide.page.getByRole('region', { name: 'Demandes reçues' })
  await expect(received.getByText('« Nous cherchons un partenaire en vision pour nos contrôles qualité. »')).toBeVisible()
  await expectAccessible(hostSide.page)
  await received.getByRole('button', { name: `Accepter le rendez-vous avec ${asker.name}` }).click()
  await expect(hostSide.page.getByText('Rendez-vous accepté.')).toBeVisible()
  const hostSeats = hostSide.page.getByRole('region', { name: 'Rendez-vous planifiés' })
  await expect(hostSeats.getByText('14:00 – 14:20 · table 1')).toBeVisible()
  await expect(hostSeats.getByRole('link', { name: `avec ${asker.name}` })).toBeVisible()

  // The asker sees the same slot and table.
  await askerSide.page.goto(`/rencontres/${meeting.id}/mon-agenda`)
  const askerSeats = askerSide.page.getByRole('region', { name: 'Rendez-vous planifiés' })
  await expect(askerSeats.getByText('14:00 – 14:20 · table 1')).toBeVisible()
  await expect(askerSeats.getByRole('link', { name: `avec ${host.name}` })).toBeVisible()
  await expectAccessible(askerSide.page)

  // Both download their agenda; ical.js reads 14:00 Europe/Paris, the same instant as the page.
  const expectedStart = new Date(`${meeting.day}T14:00:00${offsetOf(meeting.day)}`)
  for (const [side, other] of [
    [askerSide, host],
    [hostSide, asker],
  ] as const) {
    const [download] = await Promise.all([side.page.waitForEvent('download'), side.page.getByRole('link', { name: 'Télécharger mon agenda (.ics)' }).click()])
    const events = parseIcs(await readFile((await download.path())!, 'utf8'))
    expect(events).toHaveLength(1)
    const event = events[0]!
    expect(event.summary).toBe(`Rendez-vous d’affaires avec ${other.name}`)
    expect(event.location).toContain('Table 1')
    expect(event.startDate.zone.tzid).toBe('Europe/Paris')
    expect([event.startDate.hour, event.startDate.minute]).toEqual([14, 0])
    expect(event.startDate.toJSDate().getTime()).toBe(expectedStart.getTime())
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(20 * 60_000)
  }

  expect(askerSide.errors).toEqual([])
  expect(hostSide.errors).toEqual([])
  await askerSide.close()
  await hostSide.close()
})

/** "+01:00" or "+02:00": Paris's offset on that day (at noon). */
function offsetOf(day: string) {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(new Date(`${day}T12:00:00Z`)))
  return `+${String(hour - 12).padStart(2, '0')}:00`
}
