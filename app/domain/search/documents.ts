import { isOpen, type NeedStatus } from '../needs/lifecycle'
import { anonymousViewer, needAccess } from '../needs/visibility'
import type { Confidentiality } from '../needs/vocabulary'
import { technologyDomains } from '../taxonomy/domains'
import { noPlaceGeo, type GeoPoint, type PlaceGeo } from '../places/geo'
import { communeDisplayName } from '../places/commune'
import { cellsOf } from '../places/grid-cells'

/**
 * What goes into the search indexes — pure, so the confidentiality rules are tested alone.
 *
 * The indexes are public: every visitor can query them. A document therefore carries only
 * what an anonymous visitor may see (app/domain/needs/visibility.ts decides), never more:
 * a need's details (description, TRL, budget, deadline, commune) only when the need is
 * public, its company only when it is not anonymised, and nothing of a draft or submitted need.
 * Its position (`_geo`, and the grid cells it falls in, `geoCells`, which "près de" filters on)
 * follows the same rule: the commune's point for a public need, only the département's centre
 * otherwise.
 */

/**
 * The shape of the documents below. Raising it makes the search sync rebuild both indexes at its
 * next start (server/search/sync.ts). 2: grid cells (`geoCells`) for "près de", issue 16.
 */
export const SEARCH_DOCUMENTS_VERSION = 2

type Place = { communeName?: string | null; delegatedName?: string | null; departementCode?: string | null; departementName?: string | null; regionCode?: string | null; regionName?: string | null }

export type NeedSource = {
  _id: { toString(): string }
  companyOrgId?: { toString(): string } | null
  title: string
  summary?: string | null
  description?: string | null
  category?: string | null
  domains?: readonly string[] | null
  filiere?: string | null
  trlCurrent?: number | null
  trlTarget?: number | null
  stage?: string | null
  deadline?: Date | null
  territory?: string | null
  location?: Place | null
  confidentiality: Confidentiality
  status: NeedStatus
  publishedAt?: Date | null
}

export type NeedSearchDocument = {
  id: string
  title: string
  summary: string
  description: string | null
  category: string | null
  domains: string[]
  /** Labels of the domains in both languages, so "fabrication additive" finds the domain's needs. */
  domainLabels: string[]
  filiere: string | null
  trlCurrent: number | null
  trlTarget: number | null
  /** Facet "TRL": the target TRL (public needs only). */
  trl: number | null
  stage: string | null
  status: NeedStatus
  /** 0 while the need takes proposals (published, in discussion), 1 after: a search without words lists open needs first. */
  openRank: OpenRank
  territory: string | null
  communeName: string | null
  departement: string | null
  region: string | null
  companyId: string | null
  companyName: string | null
  publishedAt: number | null
  deadline: number | null
} & Positioned

/** Where a document sits on the map and how precisely: a commune, or only its département. */
export type GeoPrecision = 'commune' | 'departement'
type Positioned = { _geo?: GeoPoint; geoCells?: string[]; geoPrecision?: GeoPrecision }

function positioned<T extends object>(document: T, geo: PlaceGeo, precision: GeoPrecision): T & Positioned {
  const point = precision === 'commune' ? (geo.commune ?? geo.departement) : geo.departement
  if (!point) return document
  return { ...document, _geo: point, geoCells: cellsOf(point), geoPrecision: precision === 'commune' && geo.commune ? 'commune' : 'departement' }
}

export type OrganisationSource = {
  _id: { toString(): string }
  slug: string
  name: string
  kind: string
  description?: string | null
  domains?: readonly string[] | null
  keywords?: readonly string[] | null
  equipment?: readonly string[] | null
  trlMin?: number | null
  trlMax?: number | null
  filieres?: readonly string[] | null
  location?: (Place & { coordinates?: readonly number[] | null }) | null
  territories?: readonly string[] | null
  verifiedAt?: Date | null
  fictional?: boolean | null
  createdAt?: Date | null
}

export type OrganisationSearchDocument = {
  id: string
  slug: string
  name: string
  kind: string
  description: string
  domains: string[]
  domainLabels: string[]
  keywords: string[]
  equipment: string[]
  trlMin: number | null
  trlMax: number | null
  /** Every TRL level the organisation works at, so "TRL 5" filters by range. */
  trl: number[]
  filieres: string[]
  territories: string[]
  communeName: string | null
  departement: string | null
  region: string | null
  verified: boolean
  fictional: boolean
  createdAt: number | null
} & Positioned

const labelsOf = (domains: readonly string[]) =>
  domains.flatMap((id) => {
    const domain = technologyDomains.find((item) => item.id === id)
    return domain ? [domain.label.fr, domain.label.en] : []
  })

export type OpenRank = 0 | 1
export const openRankOf = (status: NeedStatus): OpenRank => (isOpen(status) ? 0 : 1)

const time = (date: Date | null | undefined) => (date ? new Date(date).getTime() : null)

/** The public search document of a need, or null when the need must not be in the index. */
export function needDocument(need: NeedSource, company: { name: string } | null, geo: PlaceGeo = noPlaceGeo): NeedSearchDocument | null {
  const access = needAccess({ status: need.status, confidentiality: need.confidentiality, publishedAt: need.publishedAt }, anonymousViewer)
  if (!access.visible) return null
  const details = access.showDetails
  const domains = [...(need.domains ?? [])]
  const document = {
    id: need._id.toString(),
    title: need.title,
    summary: need.summary ?? '',
    description: details ? need.description || null : null,
    category: need.category ?? null,
    domains,
    domainLabels: labelsOf(domains),
    filiere: need.filiere ?? null,
    trlCurrent: details ? (need.trlCurrent ?? null) : null,
    trlTarget: details ? (need.trlTarget ?? null) : null,
    trl: details ? (need.trlTarget ?? null) : null,
    stage: need.stage ?? null,
    status: need.status,
    openRank: openRankOf(need.status),
    territory: need.territory ?? null,
    communeName: details && need.location?.communeName ? communeDisplayName({ communeName: need.location.communeName, delegatedName: need.location.delegatedName }) : null,
    departement: need.location?.departementName ?? null,
    region: need.location?.regionName ?? null,
    companyId: access.showCompany && company && need.companyOrgId ? need.companyOrgId.toString() : null,
    companyName: access.showCompany && company ? company.name : null,
    publishedAt: time(need.publishedAt),
    deadline: details ? time(need.deadline) : null,
  }
  return positioned(document, geo, details ? 'commune' : 'departement')
}

/** The search document of an organisation profile (public fields; no contacts, members or size). */
export function organisationDocument(org: OrganisationSource, geo: PlaceGeo = noPlaceGeo): OrganisationSearchDocument {
  const domains = [...(org.domains ?? [])]
  const trlMin = org.trlMin ?? null
  const trlMax = org.trlMax ?? null
  const trl: number[] = []
  if (trlMin !== null || trlMax !== null) for (let level = trlMin ?? 1; level <= (trlMax ?? 9); level++) trl.push(level)
  const coordinates = org.location?.coordinates
  const document = {
    id: org._id.toString(),
    slug: org.slug,
    name: org.name,
    kind: org.kind,
    description: org.description ?? '',
    domains,
    domainLabels: labelsOf(domains),
    keywords: [...(org.keywords ?? [])],
    equipment: [...(org.equipment ?? [])],
    trlMin,
    trlMax,
    trl,
    filieres: [...(org.filieres ?? [])],
    territories: [...(org.territories ?? [])],
    communeName: org.location?.communeName ? communeDisplayName({ communeName: org.location.communeName, delegatedName: org.location.delegatedName }) : null,
    departement: org.location?.departementName ?? null,
    region: org.location?.regionName ?? null,
    verified: Boolean(org.verifiedAt),
    fictional: Boolean(org.fictional),
    createdAt: time(org.createdAt),
  }
  // A profile's own point (GeoJSON order: longitude, latitude) wins over its commune's.
  const own = coordinates && coordinates.length === 2 ? { lng: coordinates[0]!, lat: coordinates[1]! } : null
  return positioned(document, own ? { ...geo, commune: own } : geo, 'commune')
}
