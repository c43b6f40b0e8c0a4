import { Meeting, MeetingRegistration } from '~/domain/meetings/model.server'
import { pairKeyOf } from '~/domain/meetings/one-to-ones.lifecycle'
import { OneToOne, OneToOnePlan } from '~/domain/meetings/one-to-ones.model.server'
import { planOneToOnes } from '~/domain/meetings/one-to-ones.server'
import { validateSlotGrid } from '~/domain/meetings/scheduler'

const SLOT_MINUTES = 20
const MINUTE = 60_000

/**
 * Business meetings in the demo (issue 18): every upcoming demo meeting with registrants gets a
 * slot grid (20-minute slots from its start, up to two hours, six tables) and a few accepted
 * one-to-ones between its registrants, seated by the scheduler; one more request is left pending
 * so the agenda shows something to answer. Runs after the meetings seed; a meeting that already
 * has one-to-ones is left as it is (idempotent, and edits made in the demo are kept).
 */
export async function seedDemoOneToOnes(now = new Date()): Promise<{ oneToOnes: number }> {
  await Promise.all([OneToOne.init(), OneToOnePlan.init()])
  const upcoming = await Meeting.find({ status: 'published', startsAt: { $gt: now } }, { startsAt: 1, endsAt: 1, slotGrid: 1 }).lean()
  let created = 0
  for (const meeting of upcoming) {
    if (await OneToOne.exists({ meetingId: meeting._id })) continue
    const registrants = (await MeetingRegistration.find({ meetingId: meeting._id, status: 'registered' }, { userId: 1 }).sort({ createdAt: 1 }).lean()).map((r) => String(r.userId))
    if (registrants.length < 2) continue
    if (!meeting.slotGrid) {
      const span = Math.min(meeting.endsAt.getTime() - meeting.startsAt.getTime(), 120 * MINUTE)
      const slots = Math.floor(span / (SLOT_MINUTES * MINUTE))
      if (slots < 1) continue
      const grid = { slotMinutes: SLOT_MINUTES, tables: 6, firstSlotAt: meeting.startsAt, lastSlotEndsAt: new Date(meeting.startsAt.getTime() + slots * SLOT_MINUTES * MINUTE) }
      if (!validateSlotGrid(grid, meeting).ok) continue
      await Meeting.updateOne({ _id: meeting._id }, { $set: { slotGrid: grid } })
    }
    // Neighbours in registration order meet; the last pair is left pending.
    const pairs: Array<[string, string]> = []
    for (let i = 0; i + 1 < registrants.length && pairs.length < 5; i++) pairs.push([registrants[i]!, registrants[i + 1]!])
    for (const [index, [requesterId, recipientId]] of pairs.entries()) {
      const pending = index === pairs.length - 1 && pairs.length > 1
      await OneToOne.create({
        meetingId: meeting._id,
        requesterId,
        recipientId,
        pairKey: pairKeyOf(requesterId, recipientId),
        message: 'Échangeons sur vos besoins et nos compétences avant la rencontre.',
        status: pending ? 'pending' : 'accepted',
        requestedAt: new Date(now.getTime() - (pairs.length - index) * 60 * MINUTE),
        respondedAt: pending ? null : now,
      })
      created += 1
    }
    await planOneToOnes(String(meeting._id), { now })
  }
  return { oneToOnes: created }
}
