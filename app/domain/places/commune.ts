/** A place as stored on profiles and needs: official codes and their names, nothing typed freely. */
export type CommuneLocation = {
  communeCode: string
  communeName: string
  departementCode: string
  departementName: string
  regionCode: string
  regionName: string
  /**
   * The delegated or former commune the person chose (Morez, now part of Hauts de Bienne): kept so
   * that people still see the name they know. Null for a current commune chosen as such.
   */
  delegatedName?: string | null
}

/** A search result: `matchedName` is the former or delegated commune the query matched (Morez → Hauts de Bienne). */
export type CommuneMatch = CommuneLocation & { postalCodes: string[]; matchedName: string | null }

/** "Saint-Claude (39)", "Morez – Hauts de Bienne (39)": proper nouns, the same in every language. */
export function communeLabel(commune: Pick<CommuneMatch, 'communeName' | 'departementCode'> & { matchedName?: string | null; delegatedName?: string | null }) {
  const delegated = commune.matchedName ?? commune.delegatedName
  const name = delegated ? `${delegated} – ${commune.communeName}` : commune.communeName
  return `${name} (${commune.departementCode})`
}

/** How a place reads on pages and in search: "Morez (Hauts de Bienne)", or just "Saint-Claude". */
export function communeDisplayName(location: Pick<CommuneLocation, 'communeName' | 'delegatedName'>) {
  return location.delegatedName ? `${location.delegatedName} (${location.communeName})` : location.communeName
}

/** "Jura, Bourgogne-Franche-Comté" */
export const communeArea = (commune: Pick<CommuneLocation, 'departementName' | 'regionName'>) => `${commune.departementName}, ${commune.regionName}`
