import type { Connection } from 'mongoose'
import { onlineStatuses } from '../../app/domain/needs/lifecycle.js'
import type { Document as MongoDocument, ObjectId } from 'mongodb'
import {
  needDocument,
  organisationDocument,
  type NeedSearchDocument,
  type NeedSource,
  type OrganisationSearchDocument,
  type OrganisationSource,
} from '../../app/domain/search/documents.js'
import type { SearchIndexNames } from '../../app/domain/search/names.js'
import { placeGeo } from '../../app/domain/places/coordinates.server.js'
import type { SearchClient } from './client.js'

/**
 * Reads needs and organisations from MongoDB (raw collections: the sync runs beside the
 * app's models, not through them) and writes their public documents to Meilisearch.
 */
export const NEEDS_COLLECTION = 'needs'
export const ORGANISATIONS_COLLECTION = 'organisations'
const TASK_TIMEOUT_MS = 60_000

export class SearchTaskFailedError extends Error {
  override name = 'SearchTaskFailedError'
}

async function companiesOf(connection: Connection, needs: readonly MongoDocument[]) {
  const ids = [...new Set(needs.map((need) => need.companyOrgId).filter(Boolean))]
  if (!ids.length) return new Map<string, { name: string }>()
  const orgs = await connection.collection(ORGANISATIONS_COLLECTION).find({ _id: { $in: ids } }, { projection: { name: 1 } }).toArray()
  return new Map(orgs.map((org) => [String(org._id), { name: String(org.name) }]))
}

/** Moderation state of these needs (app/domain/moderation): hidden needs leave the index. */
export const MODERATION_COLLECTION = 'moderationstates'

async function hiddenNeedIds(connection: Connection, needs: readonly MongoDocument[]) {
  if (!needs.length) return new Set<string>()
  const states = await connection
    .collection(MODERATION_COLLECTION)
    .find({ targetKind: 'need', targetId: { $in: needs.map((need) => String(need._id)) }, hiddenAt: { $ne: null } }, { projection: { targetId: 1 } })
    .toArray()
  return new Set(states.map((state) => String(state.targetId)))
}

export async function needDocumentsOf(connection: Connection, needs: readonly MongoDocument[]) {
  const [companies, hidden] = await Promise.all([companiesOf(connection, needs), hiddenNeedIds(connection, needs)])
  const upserts: NeedSearchDocument[] = []
  const deletions: string[] = []
  for (const need of needs) {
    const document = hidden.has(String(need._id)) ? null : needDocument(need as unknown as NeedSource, companies.get(String(need.companyOrgId)) ?? null, placeGeo(need.location))
    if (document) upserts.push(document)
    else deletions.push(String(need._id))
  }
  return { upserts, deletions }
}

const organisationDocumentOf = (org: MongoDocument) => organisationDocument(org as unknown as OrganisationSource, placeGeo(org.location))

async function waitFor(task: { waitTask: (options: { timeout: number }) => Promise<{ status: string; error?: { message?: string } | null }> }) {
  const done = await task.waitTask({ timeout: TASK_TIMEOUT_MS })
  if (done.status === 'failed') throw new SearchTaskFailedError(done.error?.message ?? 'Meilisearch task failed')
}

export async function writeDocuments(client: SearchClient, uid: string, upserts: readonly object[], deletions: readonly string[]) {
  if (upserts.length) await waitFor(client.index(uid).addDocuments([...upserts] as Record<string, unknown>[], { primaryKey: 'id' }))
  if (deletions.length) await waitFor(client.index(uid).deleteDocuments([...deletions]))
}

/**
 * Brings the index in line with MongoDB for these ids: what exists and is public is
 * (re)written, everything else is deleted. Reading the current state (rather than replaying
 * each event) makes it idempotent and order-proof: replaying a batch twice is harmless.
 */
export async function applyChanges(
  connection: Connection,
  client: SearchClient,
  names: SearchIndexNames,
  changed: { needIds: readonly ObjectId[]; organisationIds: readonly ObjectId[] },
) {
  const needIds = new Map(changed.needIds.map((id) => [String(id), id]))
  if (changed.organisationIds.length) {
    const orgs = await connection.collection(ORGANISATIONS_COLLECTION).find({ _id: { $in: [...changed.organisationIds] } }).toArray()
    const found = new Set(orgs.map((org) => String(org._id)))
    const upserts = orgs.map(organisationDocumentOf)
    const deletions = changed.organisationIds.map(String).filter((id) => !found.has(id))
    await writeDocuments(client, names.organisations, upserts, deletions)
    // A company's name appears on its needs: refresh them too.
    const needsOfOrgs = await connection
      .collection(NEEDS_COLLECTION)
      .find({ companyOrgId: { $in: [...changed.organisationIds] } }, { projection: { _id: 1 } })
      .toArray()
    for (const need of needsOfOrgs) needIds.set(String(need._id), need._id as ObjectId)
  }
  if (needIds.size) {
    const needs = await connection.collection(NEEDS_COLLECTION).find({ _id: { $in: [...needIds.values()] } }).toArray()
    const { upserts, deletions } = await needDocumentsOf(connection, needs)
    const found = new Set(needs.map((need) => String(need._id)))
    for (const id of needIds.keys()) if (!found.has(id)) deletions.push(id)
    await writeDocuments(client, names.needs, upserts, deletions)
  }
}

/** Every public document of one kind, in batches (for rebuilding an index). */
export async function* allDocuments(connection: Connection, kind: 'needs' | 'organisations', batchSize = 1000): AsyncGenerator<(NeedSearchDocument | OrganisationSearchDocument)[]> {
  if (kind === 'organisations') {
    let batch: OrganisationSearchDocument[] = []
    for await (const org of connection.collection(ORGANISATIONS_COLLECTION).find({}).batchSize(batchSize)) {
      batch.push(organisationDocumentOf(org))
      if (batch.length >= batchSize) {
        yield batch
        batch = []
      }
    }
    if (batch.length) yield batch
    return
  }
  let raw: MongoDocument[] = []
  const flush = async () => (await needDocumentsOf(connection, raw)).upserts
  for await (const need of connection.collection(NEEDS_COLLECTION).find({ status: { $in: onlineStatuses } }).batchSize(batchSize)) {
    raw.push(need)
    if (raw.length >= batchSize) {
      yield await flush()
      raw = []
    }
  }
  if (raw.length) yield await flush()
}

export async function countSources(connection: Connection, kind: 'needs' | 'organisations') {
  return kind === 'organisations'
    ? connection.collection(ORGANISATIONS_COLLECTION).countDocuments()
    : connection.collection(NEEDS_COLLECTION).countDocuments({ status: { $in: onlineStatuses } })
}
