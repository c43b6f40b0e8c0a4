import { Meeting, MeetingRegistration } from '~/domain/meetings/model.server'
import { parisLocalToInstant, instantToParisLocal } from '~/domain/meetings/timezone'
import { Membership, Organisation } from '~/domain/orgs/model.server'
import { demoTerritories } from '~/domain/places/territories'
import { User } from '~/domain/users/model.server'
import { seedId } from '../demo-marketplace.server'

/**
 * Demo meetings (« Rencontres »): every demo territory that has an animator gets one meeting
 * three weeks ahead and one a month ago, each with registrations of people from the territory's
 * organisations. Dates are relative to the seeding day (at 9:30 Paris time), so the upcoming one
 * is upcoming in any demo. Insert-only and keyed (seedId), like the rest of the demo data.
 */
const DAY = 86_400_000

/** That day at 09:30 in Paris. */
function parisMorning(day: Date) {
  return parisLocalToInstant(`${instantToParisLocal(day).slice(0, 10)}T09:30`)!
}

export async function seedDemoMeetings(now = new Date()): Promise<{ meetings: number }> {
  await Promise.all([Meeting.init(), MeetingRegistration.init()])
  let meetings = 0
  for (const territory of demoTerritories) {
    const animator = await User.findOne({ role: 'animator', animates: { $elemMatch: { kind: 'territory', ref: territory.id } } }, { _id: 1 }).lean()
    if (!animator) continue
    const orgs = await Organisation.find({ territories: territory.id }, { _id: 1, location: 1, kind: 1 }).sort({ slug: 1 }).limit(8).lean()
    const memberships = await Membership.find({ orgId: { $in: orgs.map((org) => org._id) } }, { orgId: 1, userId: 1 }).sort({ _id: 1 }).lean()
    // One person per organisation, at most five.
    const seen = new Set<string>()
    const participants = memberships.filter((membership) => !seen.has(String(membership.orgId)) && seen.add(String(membership.orgId))).slice(0, 5)
    const place = orgs.find((org) => org.location)?.location ?? null
    const plans = [
      { key: 'upcoming', day: new Date(now.getTime() + 21 * DAY), title: `Rencontre pôles – entreprises ${territory.name}`, capacity: 12 },
      { key: 'past', day: new Date(now.getTime() - 30 * DAY), title: `Matinale innovation ${territory.name}`, capacity: 30 },
    ]
    for (const plan of plans) {
      const _id = seedId(`meeting:${territory.id}:${plan.key}`)
      if (await Meeting.exists({ _id })) continue
      const startsAt = parisMorning(plan.day)
      await Meeting.create({
        _id,
        title: plan.title,
        description: `Pôles de compétitivité, laboratoires et entreprises du territoire ${territory.name} se retrouvent pour faire naître des projets collaboratifs : présentations courtes, puis échanges libres.`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
        place: place ?? null,
        onlineUrl: place ? null : 'https://visio.passerelle.local/rencontre',
        organisers: [],
        scope: { kind: 'territory', ref: territory.id },
        domains: [],
        filieres: [],
        capacity: plan.capacity,
        registrationDeadline: new Date(startsAt.getTime() - DAY),
        status: 'published',
        createdBy: animator._id,
        registeredCount: participants.length,
      })
      if (participants.length) {
        await MeetingRegistration.insertMany(
          participants.map((participant) => ({ meetingId: _id, userId: participant.userId, organisationId: participant.orgId, status: 'registered', position: null })),
        )
      }
      meetings += 1
    }
  }
  return { meetings }
}
