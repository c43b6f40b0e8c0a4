import mongoose from 'mongoose'
import { e2eDb } from './db'

/**
 * A published meeting and its registrations, written into the e2e server's database: the
 * business-meetings journey starts once people are registered (the meetings UI is another area's).
 * The meeting is in 30 days, 14:00–18:00 Paris time, in the Haut-Jura territory.
 */
export async function createMeeting(createdBy: string, title: string) {
  const db = await e2eDb()
  const day = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
  // Paris is UTC+1 or UTC+2: find the offset of that day by formatting noon UTC in Paris.
  const parisNoon = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(new Date(`${day}T12:00:00Z`))
  const offsetHours = Number(parisNoon) - 12
  const at = (parisHour: number) => new Date(`${day}T${String(parisHour - offsetHours).padStart(2, '0')}:00:00Z`)
  const now = new Date()
  const { insertedId } = await db.collection('meetings').insertOne({
    title,
    description: 'Rendez-vous d’affaires entre entreprises et laboratoires du territoire.',
    startsAt: at(14),
    endsAt: at(18),
    timezone: 'Europe/Paris',
    place: null,
    onlineUrl: 'https://visio.exemple.fr/rencontre',
    organisers: [],
    scope: { kind: 'territory', ref: 'haut-jura' },
    domains: [],
    filieres: [],
    capacity: 40,
    registrationDeadline: null,
    status: 'published',
    createdBy: new mongoose.Types.ObjectId(createdBy),
    registeredCount: 0,
    waitlistSeq: 0,
    icsSequence: 0,
    cancelledAt: null,
    slotGrid: null,
    outcomes: null,
    createdAt: now,
    updatedAt: now,
  })
  return { id: String(insertedId), day }
}

export async function registerFor(meetingId: string, userId: string, organisationId: string) {
  const db = await e2eDb()
  const now = new Date()
  await db.collection('meetingregistrations').insertOne({
    meetingId: new mongoose.Types.ObjectId(meetingId),
    userId: new mongoose.Types.ObjectId(userId),
    organisationId: new mongoose.Types.ObjectId(organisationId),
    status: 'registered',
    position: null,
    cancelledReason: null,
    cancelledAt: null,
    promotedAt: null,
    createdAt: now,
    updatedAt: now,
  })
  await db.collection('meetings').updateOne({ _id: new mongoose.Types.ObjectId(meetingId) }, { $inc: { registeredCount: 1 } })
}

/** Makes a test user an animator of the Haut-Jura territory. */
export async function makeAnimatorOfHautJura(userId: string) {
  const db = await e2eDb()
  await db.collection('users').updateOne({ _id: new mongoose.Types.ObjectId(userId) }, { $set: { role: 'animator', animates: [{ kind: 'territory', ref: 'haut-jura' }] } })
}
