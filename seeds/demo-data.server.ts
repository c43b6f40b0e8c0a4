import mongoose from 'mongoose'
import type { Logger } from 'pino'
import { CURRENT_TERMS_VERSION } from '~/domain/legal/terms'
import { hashPassword } from '~/domain/auth/password.server'
import { Membership, Organisation } from '~/domain/orgs/model.server'
import { resolveCommune } from '~/domain/places/communes.server'
import { User } from '~/domain/users/model.server'
import { seedDemoConversations, seedDemoMarketplace } from './demo-marketplace.server'
import { seedDemoMeetings } from './demo/meetings'
import { seedDemoMilestones } from './demo/milestones'
import { seedDemoOneToOnes } from './demo/one-to-ones'
import { demoOrganisations } from './demo/organisations'
import { seedDemoGuichet } from './demo-guichet.server'
import { DEMO_PASSWORD, demoPersonas, organisationMembers, territoryAnimators, type DemoPerson } from './demo/people'

/**
 * Loads the demo data set. Idempotent: every record is keyed (org slug, user e-mail,
 * membership pair) and only inserted when missing, so a second run changes nothing and
 * edits made in the demo are kept. `reset` drops the demo's collections first.
 */
export type SeedReport = {
  organisations: number
  users: number
  memberships: number
  needs: number
  proposals: number
  projects: number
  conversations: number
  messages: number
  milestones: number
  meetings: number
  oneToOnes: number
}

const SEED_MARKER_ID = 'demo-data'

export async function hasDemoData(): Promise<boolean> {
  const marker = await mongoose.connection.db!.collection<{ _id: string }>('seed_runs').findOne({ _id: SEED_MARKER_ID })
  return marker !== null
}

export async function resetDemoData() {
  const db = mongoose.connection.db!
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name))
  for (const name of ['users', 'sessions', 'organisations', 'memberships', 'needs', 'proposals', 'projects', 'conversations', 'messages', 'readreceipts', 'guichet_requests', 'meetings', 'meetingregistrations', 'onetoones', 'onetooneplans', 'seed_runs']) {
    if (existing.has(name)) await db.collection(name).deleteMany({})
  }
}

export async function seedDemoData(logger: Logger): Promise<SeedReport> {
  const started = Date.now()
  await Promise.all([User.init(), Organisation.init(), Membership.init()])

  const orgIds = new Map<string, mongoose.Types.ObjectId>()
  let organisations = 0
  for (const org of demoOrganisations) {
    const location = resolveCommune(org.commune)
    if (!location) throw new Error(`seed: unknown commune code ${org.commune} for ${org.slug}`)
    const result = await Organisation.updateOne(
      { slug: org.slug },
      {
        $setOnInsert: {
          slug: org.slug,
          name: org.name,
          kind: org.kind,
          description: org.description,
          domains: org.domains,
          keywords: org.keywords,
          equipment: org.equipment,
          trlMin: org.trl?.[0] ?? null,
          trlMax: org.trl?.[1] ?? null,
          filieres: org.filieres,
          location,
          territories: org.territories,
          website: org.website ?? '',
          size: org.size ?? null,
          verifiedAt: org.verified ? new Date('2026-01-15T09:00:00Z') : null,
          fictional: org.fictional,
        },
      },
      { upsert: true },
    )
    organisations += result.upsertedCount
  }
  for (const org of await Organisation.find({ slug: { $in: demoOrganisations.map((o) => o.slug) } }, { slug: 1 }).lean()) {
    orgIds.set(org.slug, org._id)
  }
  // Cluster memberships need every id, hence a second pass (still insert-only).
  for (const org of demoOrganisations.filter((o) => o.memberOf?.length)) {
    await Organisation.updateOne(
      { slug: org.slug, memberOf: { $size: 0 } },
      { $set: { memberOf: org.memberOf!.map((slug) => orgIds.get(slug)!) } },
    )
  }

  const staffed = new Set(demoPersonas.flatMap((person) => person.memberships.map((m) => m.org)))
  const people: DemoPerson[] = [...demoPersonas, ...territoryAnimators(), ...organisationMembers(demoOrganisations, staffed)]
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  let users = 0
  let memberships = 0
  for (const person of people) {
    const animates = (person.animates ?? []).map((scope) =>
      scope.kind === 'organisation' ? { kind: scope.kind, ref: String(orgIds.get(scope.ref)) } : scope,
    )
    const result = await User.updateOne(
      { email: person.email },
      {
        $setOnInsert: {
          email: person.email,
          passwordHash,
          name: person.name,
          title: person.title,
          role: person.role,
          emailVerifiedAt: new Date('2026-01-15T09:00:00Z'),
          animates,
          fictional: true,
          termsAcceptances: [{ version: CURRENT_TERMS_VERSION, acceptedAt: new Date('2026-01-15T09:00:00Z') }],
        },
      },
      { upsert: true },
    )
    users += result.upsertedCount
    const user = await User.findOne({ email: person.email }, { _id: 1 }).lean()
    for (const membership of person.memberships) {
      const inserted = await Membership.updateOne(
        { orgId: orgIds.get(membership.org), userId: user!._id },
        { $setOnInsert: { role: membership.role, listed: true } },
        { upsert: true },
      )
      memberships += inserted.upsertedCount
    }
  }

  await mongoose.connection.db!
    .collection<{ _id: string; at: Date }>('seed_runs')
    .updateOne({ _id: SEED_MARKER_ID }, { $setOnInsert: { at: new Date() } }, { upsert: true })
  const marketplace = await seedDemoMarketplace()
  const talk = await seedDemoConversations()
  const milestones = await seedDemoMilestones()
  const meetings = await seedDemoMeetings()
  // Business meetings come after the meetings (they seat one-to-ones between registrants).
  const oneToOnes = await seedDemoOneToOnes()
  const report = { organisations, users, memberships, ...marketplace, ...talk, ...milestones, ...meetings, ...oneToOnes }
  // Guichet requests are logged apart (the report's shape is what the seed tests compare).
  logger.info({ guichetRequests: await seedDemoGuichet() }, 'demo guichet requests loaded')
  logger.info({ ...report, ms: Date.now() - started }, 'demo data loaded')
  return report
}
