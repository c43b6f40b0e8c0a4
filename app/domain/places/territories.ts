/**
 * Territoires d'industrie used by the demo (public facts, PRODUCT.md). Names are proper
 * nouns and stay in French in every language.
 */
export const demoTerritories = [
  { id: 'haut-jura', name: 'Haut-Jura', region: 'Bourgogne-Franche-Comté', filieres: ['lunetterie', 'plasturgie', 'horlogerie'] },
  { id: 'gers-tarn-et-garonne', name: 'Gers / Tarn-et-Garonne', region: 'Occitanie', filieres: ['agroalimentaire', 'aéronautique', 'vélo'] },
  { id: 'bressuire-cholet', name: 'Bressuire–Cholet', region: 'Pays de la Loire', filieres: [] },
  { id: 'ancenis', name: 'Ancenis', region: 'Pays de la Loire', filieres: [] },
  { id: 'chateaubriant', name: 'Châteaubriant', region: 'Pays de la Loire', filieres: [] },
  { id: 'la-roche-sur-yon', name: 'La Roche-sur-Yon', region: 'Pays de la Loire', filieres: [] },
  { id: 'laval-loiron', name: 'Laval-Loiron', region: 'Pays de la Loire', filieres: [] },
  { id: 'le-mans', name: 'Le Mans', region: 'Pays de la Loire', filieres: [] },
  { id: 'mayenne', name: 'Mayenne', region: 'Pays de la Loire', filieres: [] },
  { id: 'sable-la-fleche', name: 'Sablé-La Flèche', region: 'Pays de la Loire', filieres: [] },
  { id: 'saint-nazaire-cordemais', name: 'Saint-Nazaire–Cordemais', region: 'Pays de la Loire', filieres: [] },
  { id: 'segre-en-anjou', name: 'Segré-en-Anjou', region: 'Pays de la Loire', filieres: [] },
  { id: 'vallee-de-l-huisne', name: 'Vallée de l’Huisne', region: 'Pays de la Loire', filieres: [] },
] as const

export type TerritoryId = (typeof demoTerritories)[number]['id']

/** Their ids, as the non-empty list zod's enums, the models and the search facets take. */
export const territoryIds = demoTerritories.map((territory) => territory.id) as [TerritoryId, ...TerritoryId[]]
