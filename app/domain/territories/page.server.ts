import { createRequire } from 'node:module'
import type { MeiliSearch } from 'meilisearch'
import type { Actor } from '../actor'
import { notFound } from '../errors'
import { openStatuses } from '../needs/lifecycle'
import { institutionalServices } from '../needs/aides-catalogue'
import type { InstitutionalService } from '../needs/aides'
import { isHidden, notHidden } from '../moderation/hidden.server'
import { Organisation } from '../orgs/model.server'
import { epciOfCommunes } from '../places/epci.server'
import { communeDisplayName } from '../places/commune'
import { searchCatalogue, type NeedHit, type SearchOptions } from '../search/service.server'
import { searchHref, type SearchQuery } from '../search/query'
import { territoryBySlug, territoryFilieres, type Territory } from './catalogue'
import { territoryFigures } from './figures.server'
import { animatorsOf } from './guichet.server'

/**
 * Everything a territory's page shows (/territoires/:slug), gathered in one place. Its open needs
 * come from the search index through the search service itself, so they follow exactly the
 * confidentiality rules of search (app/domain/search/documents.ts: only what a visitor may see,
 * no company on an anonymised need); nothing here re-decides who sees what.
 */
export const TERRITORY_NEEDS_SHOWN = 20
const ORGS_SHOWN = 24

/** The search that lists a territory's open needs (also the « see all » link). */
export const territoryNeedsQuery = (territoryId: string): SearchQuery => ({
  kind: 'needs',
  q: '',
  page: 1,
  sort: 'recent',
  filters: { territory: [territoryId], status: [...openStatuses] },
  near: null,
})

export type TerritoryOrganisation = { slug: string; name: string; kind: string; communeName: string | null; domains: string[]; keywords: string[]; verified: boolean }

const regionCodes = (() => {
  let codes: Map<string, string> | undefined
  return () => {
    if (!codes) codes = new Map((createRequire(import.meta.url)('@etalab/decoupage-administratif/data/regions.json') as Array<{ code: string; nom: string }>).map((region) => [region.nom, region.code]))
    return codes
  }
})()

/** The institutional services a territory's companies can use: national ones and those of its region. */
export const territoryAides = (catalogue: readonly InstitutionalService[], regionCode: string | null) =>
  catalogue.filter((service) => service.regions === 'national' || (regionCode !== null && service.regions.includes(regionCode)))

type OrgRecord = { slug: string; name: string; kind: string; domains?: string[] | null; keywords?: string[] | null; verifiedAt?: Date | null; location?: { communeName: string; delegatedName?: string | null } | null }

const asCard = (org: OrgRecord): TerritoryOrganisation => ({
  slug: org.slug,
  name: org.name,
  kind: org.kind,
  communeName: org.location ? communeDisplayName({ communeName: org.location.communeName, delegatedName: org.location.delegatedName ?? null }) : null,
  domains: [...(org.domains ?? [])],
  keywords: (org.keywords ?? []).slice(0, 6),
  verified: Boolean(org.verifiedAt),
})

export async function territoryPage(actor: Actor | null, slug: unknown, search: MeiliSearch, searchOptions: SearchOptions = {}) {
  const territory = territoryBySlug(slug)
  if (!territory) throw notFound('territories.errors.unknownTerritory')
  const hiddenOrgs = await notHidden('organisation')
  const fields = { slug: 1, name: 1, kind: 1, domains: 1, keywords: 1, verifiedAt: 1, location: 1, filieres: 1 }
  const inside = await Organisation.find({ territories: territory.id, ...hiddenOrgs }, fields).sort({ verifiedAt: -1, name: 1 }).lean()
  const departements = new Map<string, string>()
  for (const org of inside) if (org.location) departements.set(org.location.departementCode, org.location.departementName)
  const [around, figures, animators, needs] = await Promise.all([
    departements.size
      ? Organisation.find({ territories: { $ne: territory.id }, 'location.departementCode': { $in: [...departements.keys()] }, ...hiddenOrgs }, fields).sort({ verifiedAt: -1, name: 1 }).limit(ORGS_SHOWN).lean()
      : Promise.resolve([]),
    territoryFigures(territory.id),
    contactsOf(territory),
    searchCatalogue(search, territoryNeedsQuery(territory.id), searchOptions),
  ])
  const communes = new Map<string, string>()
  for (const org of inside) if (org.location) communes.set(org.location.communeCode, communeDisplayName({ communeName: org.location.communeName, delegatedName: org.location.delegatedName ?? null }))
  const regionCode = regionCodes().get(territory.region) ?? null
  return {
    territory: { id: territory.id, name: territory.name, region: territory.region },
    filieres: territoryFilieres(territory, inside.flatMap((org) => org.filieres ?? [])),
    places: {
      departements: [...departements].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
      epci: epciOfCommunes([...communes.keys()]),
      communes: [...communes.values()].sort((a, b) => a.localeCompare(b, 'fr')),
    },
    animators,
    figures,
    needs:
      needs.status === 'ok' && needs.kind === 'needs'
        ? { status: 'ok' as const, hits: needs.hits.slice(0, TERRITORY_NEEDS_SHOWN).map(needCard), total: needs.total, searchHref: searchHref(territoryNeedsQuery(territory.id)) }
        : { status: 'unavailable' as const },
    organisations: {
      inside: inside.slice(0, ORGS_SHOWN).map(asCard),
      insideTotal: inside.length,
      around: around.map(asCard),
      searchHref: searchHref({ kind: 'organisations', q: '', sort: 'relevance', filters: { territory: [territory.id] } }),
    },
    aides: territoryAides(institutionalServices, regionCode),
    guichet: { asMember: actor ? actor.name : null },
  }
}

/** A need as the list shows it: the search hit's own fields (already redacted for visitors), nothing read elsewhere. */
const needCard = (hit: NeedHit) => ({
  id: hit.id,
  title: hit.title,
  summary: hit.summary,
  category: hit.category,
  domains: hit.domains,
  status: hit.status,
  closedReason: null,
  departementName: hit.departement,
  regionName: hit.region,
  publishedAt: hit.publishedAt ? new Date(hit.publishedAt).toISOString() : null,
  company: hit.companyName ? { name: hit.companyName } : null,
  companyHidden: !hit.companyName,
})

/** The territory's animators as contacts: name, role and profile link — never their e-mail (the guichet form is the way to write). */
async function contactsOf(territory: Territory) {
  const people = await animatorsOf(territory.id)
  const shown = []
  for (const person of people) if (!(await isHidden('user', String(person._id)))) shown.push({ id: String(person._id), name: person.name, title: person.title ?? '' })
  return shown
}

export type TerritoryPageData = Awaited<ReturnType<typeof territoryPage>>
