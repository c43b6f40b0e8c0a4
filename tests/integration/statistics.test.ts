import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setHidden } from '~/domain/moderation/hidden.server'
import { Need } from '~/domain/needs/model.server'
import { Organisation } from '~/domain/orgs/model.server'
import { Project } from '~/domain/projects/model.server'
import { Proposal } from '~/domain/proposals/model.server'
import { CACHE_TTL_MS, clearStatisticsCache, computeStatistics, refreshUnderWay, statistics } from '~/domain/statistics/figures.server'
import { clearDirectoryCache, datasetFile } from '~/domain/statistics/open-data/datasets.server'
import { datasetNames, tableSchemas, type DatasetName } from '~/domain/statistics/open-data/table-schema'
import { DAY_MS } from '~/domain/statistics/kpi'
import { connectMarketplaceDb, makeOrg, makeUser, saintClaude } from './factories'
import { castCsv, validateRows } from './table-schema-support'

/**
 * The public statistics and open data on known data: exact counts per month, territory, filière and
 * domain over the 12 months ending June 2026; the small-count rule; only online, unhidden needs;
 * nothing that names a company or a person; every file valid against its own Table Schema.
 */
const LAST_MONTH = '2026-06'
const NOW = new Date('2026-06-20T12:00:00Z')
const at = (iso: string) => new Date(iso)

let author: Awaited<ReturnType<typeof makeUser>>
let companyName = ''
let anonymousCompanyName = ''
let labId = ''

async function need(fields: { status?: string; publishedAt: Date | null; territory: string | null; filiere: string | null; domains: string[]; companyOrgId?: string; confidentiality?: string }) {
  const { insertedId } = await Need.collection.insertOne({
    companyOrgId: new mongoose.Types.ObjectId(fields.companyOrgId ?? (await Organisation.findOne({ name: companyName }))!._id),
    createdBy: new mongoose.Types.ObjectId(author.id),
    title: `Besoin ${new mongoose.Types.ObjectId()}`,
    summary: '',
    description: '',
    domains: fields.domains,
    filiere: fields.filiere,
    territory: fields.territory,
    location: saintClaude,
    confidentiality: fields.confidentiality ?? 'members',
    status: fields.status ?? 'published',
    publishedAt: fields.publishedAt,
    spaces: [],
    history: [],
    proposalsReceived: 0,
    createdAt: fields.publishedAt ?? NOW,
    updatedAt: fields.publishedAt ?? NOW,
  })
  return insertedId
}

async function proposal(needId: mongoose.Types.ObjectId, createdAt: Date, orgId = labId) {
  const { insertedId } = await Proposal.collection.insertOne({
    needId,
    orgId: new mongoose.Types.ObjectId(orgId),
    authorId: new mongoose.Types.ObjectId(author.id),
    submissionId: String(new mongoose.Types.ObjectId()),
    approach: 'Approche',
    team: 'Équipe',
    durationMonths: 6,
    costRange: '50k_200k',
    status: 'submitted',
    history: [],
    createdAt,
    updatedAt: createdAt,
  })
  // As the proposal service does, in the same transaction as the proposal.
  await Need.collection.updateOne({ _id: needId }, { $inc: { proposalsReceived: 1 } })
  return insertedId
}

async function project(needId: mongoose.Types.ObjectId, proposalId: mongoose.Types.ObjectId, createdAt: Date) {
  await Project.collection.insertOne({ needId, proposalId, companyOrgId: new mongoose.Types.ObjectId(), partnerOrgId: new mongoose.Types.ObjectId(labId), members: [], status: 'active', createdBy: new mongoose.Types.ObjectId(author.id), createdAt, updatedAt: createdAt })
}

beforeAll(async () => {
  await connectMarketplaceDb()
  author = await makeUser('industrialist', { name: 'Personne Identifiable' })
  companyName = 'Lunettes Secrètes SAS'
  anonymousCompanyName = 'Plasturgie Discrète'
  await makeOrg('company', { name: companyName })
  const anonymousCompany = await makeOrg('company', { name: anonymousCompanyName })
  labId = await makeOrg('lab', { name: 'Laboratoire Public' })
  await Organisation.updateOne({ _id: labId }, { $set: { domains: ['ai', 'robotics'], trlMin: 3, trlMax: 6, contacts: [{ name: 'Contact Caché', email: 'contact.cache@exemple.test' }] } })

  // March 2026, Haut-Jura, lunetterie, AI: 4 needs; first proposals after 1, 4 and 10 days; one project.
  const published = at('2026-03-10T10:00:00Z')
  const answeredIn1Day = await need({ publishedAt: published, territory: 'haut-jura', filiere: 'lunetterie', domains: ['ai'] })
  const first = await proposal(answeredIn1Day, new Date(published.getTime() + DAY_MS))
  await proposal(answeredIn1Day, new Date(published.getTime() + 6 * DAY_MS), String(new mongoose.Types.ObjectId()))
  await project(answeredIn1Day, first, at('2026-03-20T09:00:00Z'))
  await proposal(await need({ publishedAt: published, territory: 'haut-jura', filiere: 'lunetterie', domains: ['ai'] }), new Date(published.getTime() + 4 * DAY_MS))
  await proposal(await need({ status: 'in_discussion', publishedAt: published, territory: 'haut-jura', filiere: 'lunetterie', domains: ['ai'] }), new Date(published.getTime() + 10 * DAY_MS))
  await need({ publishedAt: published, territory: 'haut-jura', filiere: 'lunetterie', domains: ['ai'] })
  // Ancenis, plastics, robotics, anonymous company: one in April, one on 30 April 23:30 UTC — 1 May in Paris.
  const april = await need({ publishedAt: at('2026-04-15T08:00:00Z'), territory: 'ancenis', filiere: 'plasturgie-caoutchouc', domains: ['robotics'], companyOrgId: anonymousCompany, confidentiality: 'anonymous' })
  await proposal(april, at('2026-04-17T08:00:00Z'))
  await need({ publishedAt: at('2026-04-30T22:30:00Z'), territory: 'ancenis', filiere: 'plasturgie-caoutchouc', domains: ['robotics'], companyOrgId: anonymousCompany, confidentiality: 'anonymous' })
  // June: a closed need still counts (it was online).
  await need({ status: 'closed', publishedAt: at('2026-06-01T08:00:00Z'), territory: 'haut-jura', filiere: 'lunetterie', domains: ['ai', 'robotics'] })

  // Never counted: a draft, a need waiting for review, a hidden one, one before the 12 months.
  await need({ status: 'draft', publishedAt: null, territory: 'haut-jura', filiere: 'lunetterie', domains: ['ai'] })
  await need({ status: 'submitted', publishedAt: null, territory: 'haut-jura', filiere: 'lunetterie', domains: ['ai'] })
  const hidden = await need({ publishedAt: at('2026-03-12T10:00:00Z'), territory: 'haut-jura', filiere: 'lunetterie', domains: ['ai'] })
  await setHidden('need', String(hidden), { by: author.id, reason: 'Spam', at: NOW })
  await need({ publishedAt: at('2025-06-15T10:00:00Z'), territory: 'haut-jura', filiere: 'lunetterie', domains: ['ai'] })
  clearStatisticsCache()
  clearDirectoryCache()
})

afterAll(async () => {
  await mongoose.connection.dropDatabase()
  await mongoose.disconnect()
})

describe('public statistics', () => {
  it('counts needs by month (French time), with answer delays, the median and projects started', async () => {
    const figures = await computeStatistics(LAST_MONTH, NOW)
    expect(figures.months[0]).toBe('2025-07')
    const byMonth = Object.fromEntries(figures.byMonth.map((row) => [row.key, row]))
    expect(figures.byMonth).toHaveLength(12)
    expect(byMonth['2026-03']).toEqual({
      key: '2026-03',
      needs: 4,
      answeredWithin3Days: 1,
      answeredWithin5Days: 2,
      answered: 3,
      shareAnsweredWithin3Days: 0.25,
      shareAnsweredWithin5Days: 0.5,
      medianHoursToFirstProposal: 96,
      projectsStarted: 1,
    })
    expect([byMonth['2026-04']!.needs, byMonth['2026-05']!.needs, byMonth['2026-06']!.needs]).toEqual([1, 1, 1])
    expect(byMonth['2026-04']).toMatchObject({ answeredWithin3Days: 1, medianHoursToFirstProposal: 48 })
    expect(figures.byMonth.reduce((sum, row) => sum + row.needs, 0)).toBe(7)
  })

  it('breaks down by territory, filière and domain, hiding every count below 3', async () => {
    const figures = await computeStatistics(LAST_MONTH, NOW)
    const territory = Object.fromEntries(figures.byTerritory.map((row) => [row.key, row]))
    expect(territory['haut-jura']).toEqual({
      key: 'haut-jura',
      needs: 5,
      answeredWithin3Days: '<3',
      answeredWithin5Days: '<3',
      answered: 3,
      shareAnsweredWithin3Days: '<3',
      shareAnsweredWithin5Days: '<3',
      medianHoursToFirstProposal: 96,
      projectsStarted: '<3',
    })
    expect(Object.values(territory.ancenis!).filter((value) => value !== 'ancenis')).toEqual(Array(8).fill('<3'))
    expect(territory['le-mans']!.needs).toBe('<3')
    const filiere = Object.fromEntries(figures.byFiliere.map((row) => [row.key, row.needs]))
    expect(filiere).toMatchObject({ lunetterie: 5, 'plasturgie-caoutchouc': '<3', automobile: '<3' })
    const domain = Object.fromEntries(figures.byDomain.map((row) => [row.key, row]))
    expect(domain.ai!.needs).toBe(5)
    // The closed need (AI and robotics) and the two Ancenis needs: 3 robotics needs, shown.
    expect(domain.robotics).toMatchObject({ needs: 3, answered: '<3', medianHoursToFirstProposal: '<3' })
    for (const row of [...figures.byTerritory, ...figures.byFiliere, ...figures.byDomain]) {
      for (const count of [row.needs, row.answeredWithin3Days, row.answeredWithin5Days, row.answered, row.projectsStarted]) expect(count === '<3' || count >= 3).toBe(true)
    }
  })

  it('serves the cached figures for CACHE_TTL_MS, then refreshes them behind the cached ones', async () => {
    clearStatisticsCache()
    const first = await statistics(LAST_MONTH, NOW)
    await need({ publishedAt: at('2026-06-02T08:00:00Z'), territory: 'haut-jura', filiere: 'lunetterie', domains: ['ai'] })
    expect(await statistics(LAST_MONTH, new Date(NOW.getTime() + CACHE_TTL_MS - 1))).toBe(first)
    expect(refreshUnderWay(LAST_MONTH)).toBeUndefined()
    // Stale: the old figures still answer at once, and one refresh starts.
    const later = new Date(NOW.getTime() + CACHE_TTL_MS)
    expect(await statistics(LAST_MONTH, later)).toBe(first)
    const refresh = refreshUnderWay(LAST_MONTH)
    expect(refresh).toBeDefined()
    expect(await statistics(LAST_MONTH, later)).toBe(first)
    expect(refreshUnderWay(LAST_MONTH)).toBe(refresh)
    await refresh
    const fresh = await statistics(LAST_MONTH, later)
    expect(fresh.byMonth.find((row) => row.key === '2026-06')!.needs).toBe(2)
    await Need.deleteOne({ publishedAt: at('2026-06-02T08:00:00Z') })
    clearStatisticsCache()
  })
})

describe('statistics under a burst of windows', () => {
  it('computes one new window at a time: another one asked meanwhile is a clear 503, then computed once the first is done', async () => {
    clearStatisticsCache()
    const first = statistics(LAST_MONTH, NOW)
    await expect(statistics('2026-05', NOW)).rejects.toMatchObject({ code: 'unavailable', message: 'statistics.errors.busy' })
    // The window being computed is shared, not refused.
    expect(statistics(LAST_MONTH, NOW)).toBe(first)
    await first
    expect((await statistics('2026-05', NOW)).months.at(-1)).toBe('2026-05')
    clearStatisticsCache()
  })
})

describe('open data', () => {
  const files = async (name: DatasetName) => ({
    csv: (await datasetFile(name, 'csv', LAST_MONTH, NOW)).body,
    json: JSON.parse((await datasetFile(name, 'json', LAST_MONTH, NOW)).body) as { donnees: Array<Record<string, unknown>>; licence: { nom: string } },
    schema: JSON.parse((await datasetFile(name, 'schema.json', LAST_MONTH, NOW)).body) as (typeof tableSchemas)[DatasetName],
  })

  it.each(datasetNames)('%s: the CSV and the JSON are valid against their own Table Schema', async (name) => {
    const { csv, json, schema } = await files(name)
    expect(schema).toMatchObject(tableSchemas[name])
    expect(json.licence.nom).toMatch(/Licence Ouverte/)
    expect(json.donnees.length).toBeGreaterThan(0)
    expect(validateRows(schema, json.donnees)).toEqual([])
    const { header, rows } = castCsv(schema, csv)
    expect(header).toEqual(schema.fields.map((field) => field.name))
    expect(validateRows(schema, rows)).toEqual([])
    expect(rows).toEqual(json.donnees)
  })

  it('publishes the same figures as the page, masked', async () => {
    const { json } = await files('statistiques-par-territoire')
    expect(json.donnees.find((row) => row.territoire === 'haut-jura')).toMatchObject({ territoire_nom: 'Haut-Jura', besoins_publies: 5, besoins_repondus_3_jours: '<3', delai_median_heures: 96, projets_demarres: '<3' })
    const byMonth = (await files('statistiques-par-mois')).json.donnees.find((row) => row.mois === '2026-03')
    expect(byMonth).toMatchObject({ besoins_publies: 4, part_repondus_3_jours: 0.25, delai_median_heures: 96, projets_demarres: 1 })
  })

  it('names no company in the statistics and nobody anywhere', async () => {
    const everything = (await Promise.all(datasetNames.flatMap((name) => [datasetFile(name, 'csv', LAST_MONTH, NOW), datasetFile(name, 'json', LAST_MONTH, NOW)]))).map((file) => file.body)
    const statisticsFiles = everything.slice(0, everything.length - 2).join('\n')
    for (const name of [companyName, anonymousCompanyName, 'Laboratoire Public']) expect(statisticsFiles).not.toContain(name)
    expect(statisticsFiles).not.toMatch(/[0-9a-f]{24}/)
    const all = everything.join('\n')
    for (const secret of [author.name, author.email, 'Contact Caché', 'contact.cache@exemple.test']) expect(all).not.toContain(secret)
    for (const name of datasetNames) {
      for (const field of tableSchemas[name].fields) expect(field.name).not.toMatch(/nom_contact|contact|email|courriel|telephone|personne|membre|auteur|user/)
    }
  })

  it('lists the directory: organisations only, with their domains and TRL range', async () => {
    const { json } = await files('annuaire-organisations')
    const lab = json.donnees.find((row) => row.nom === 'Laboratoire Public')
    expect(lab).toMatchObject({ type: 'lab', commune: 'Saint-Claude', code_departement: '39', domaines: 'ai;robotics', trl_min: 3, trl_max: 6 })
    expect(json.donnees.map((row) => row.nom)).toEqual(expect.arrayContaining([companyName, anonymousCompanyName]))
  })
})
