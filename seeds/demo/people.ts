import { demoTerritories } from '~/domain/places/territories'
import type { UserRole } from '~/domain/users/roles'

/**
 * Fictional people of the demo. Every account shares one demo password, printed in the
 * README; demo accounts can only sign in while demo mode is on (never in a real deployment).
 */
export const DEMO_PASSWORD = 'passerelle-demo-2026'

export type DemoPerson = {
  email: string
  name: string
  title: string
  role: UserRole
  /** Organisation slug → org role. */
  memberships: Array<{ org: string; role: 'owner' | 'member' }>
  animates?: Array<{ kind: 'organisation' | 'territory'; ref: string }>
}

const domain = 'demo.passerelle.fr'

/** The accounts the README lists, one per persona. */
export const demoPersonas: DemoPerson[] = [
  { email: `industriel@${domain}`, name: 'Claire Vuillet', title: 'Directrice industrielle', role: 'industrialist', memberships: [{ org: 'lunettes-du-haut-jura', role: 'owner' }] },
  { email: `chercheur@${domain}`, name: 'Hugo Lemaire', title: 'Ingénieur de recherche', role: 'researcher', memberships: [{ org: 'femto-st', role: 'owner' }] },
  { email: `animateur@${domain}`, name: 'Sophie Bourgeois', title: 'Cheffe de projet Territoire d’industrie Haut-Jura', role: 'animator', memberships: [], animates: [{ kind: 'territory', ref: 'haut-jura' }, { kind: 'organisation', ref: 'plastipolis' }] },
  { email: `admin@${domain}`, name: 'Marc Delorme', title: 'Administrateur de la plateforme', role: 'admin', memberships: [] },
]

const firstNames = ['Julie', 'Thomas', 'Nadia', 'Pierre', 'Amandine', 'Karim', 'Élodie', 'Yann', 'Léa', 'Mathieu', 'Inès', 'Baptiste', 'Chloé', 'Romain', 'Sarah', 'Nicolas', 'Manon', 'Olivier', 'Camille', 'Antoine']
const lastNames = ['Girard', 'Morel', 'Fontaine', 'Chevalier', 'Robin', 'Gauthier', 'Perrin', 'Marchand', 'Lambert', 'Bonnet', 'Roux', 'Faure', 'Blanc', 'Guerin', 'Muller', 'Henry', 'Rousseau', 'Mercier', 'Dupuis', 'Boyer']

const slugToLocal = (slug: string) => slug.replace(/[^a-z0-9]+/g, '.')

/** One animator per demo territory (the Haut-Jura one is the persona above). */
export function territoryAnimators(): DemoPerson[] {
  return demoTerritories
    .filter((territory) => territory.id !== 'haut-jura')
    .map((territory, index) => ({
      email: `animation.${slugToLocal(territory.id)}@${domain}`,
      name: `${firstNames[index % firstNames.length]} ${lastNames[(index * 7) % lastNames.length]}`,
      title: `Chef·fe de projet Territoire d’industrie ${territory.name}`,
      role: 'animator' as const,
      memberships: [],
      animates: [{ kind: 'territory' as const, ref: territory.id }],
    }))
}

/** One or two people per organisation, so every profile has members and every need an author. */
export function organisationMembers(orgs: Array<{ slug: string; kind: string }>, alreadyStaffed: Set<string>): DemoPerson[] {
  const people: DemoPerson[] = []
  orgs.forEach((org, index) => {
    if (alreadyStaffed.has(org.slug)) return
    const first = firstNames[(index * 3) % firstNames.length]!
    const last = lastNames[(index * 5 + 2) % lastNames.length]!
    const isCompany = org.kind === 'company'
    people.push({
      email: `${first.toLowerCase().normalize('NFD').replace(/\p{Diacritic}/gu, '')}.${last.toLowerCase()}@${slugToLocal(org.slug)}.${domain}`,
      name: `${first} ${last}`,
      title: isCompany ? 'Responsable méthodes' : org.kind === 'lab' ? 'Chargé·e de valorisation' : 'Chef·fe de projet innovation',
      role: isCompany ? 'industrialist' : 'researcher',
      memberships: [{ org: org.slug, role: 'owner' }],
    })
  })
  return people
}
