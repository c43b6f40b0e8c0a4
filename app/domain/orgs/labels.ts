import type { Language } from '~/i18n/config'
import { demoTerritories } from '../places/territories'
import { technologyDomains } from '../taxonomy/domains'
import { filieres } from '../taxonomy/filieres'

/** Taxonomy labels are data (fr/en) rather than UI strings; unknown ids show as they are. */
export const domainName = (id: string, language: Language) => technologyDomains.find((domain) => domain.id === id)?.label[language] ?? id

export const filiereName = (id: string, language: Language) => filieres.find((filiere) => filiere.id === id)?.label[language] ?? id

/** Territoires d'industrie are proper nouns: French in every language. */
export const territoryName = (id: string) => demoTerritories.find((territory) => territory.id === id)?.name ?? id
