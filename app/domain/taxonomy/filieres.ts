/** Filières (industrial sectors) seen in the territories (PRODUCT.md). */
export const filieres = [
  { id: 'aeronautique-spatial', label: { fr: 'Aéronautique & spatial', en: 'Aerospace' } },
  { id: 'automobile', label: { fr: 'Automobile', en: 'Automotive' } },
  { id: 'ferroviaire', label: { fr: 'Ferroviaire', en: 'Rail' } },
  { id: 'naval-nautique', label: { fr: 'Naval & nautique', en: 'Naval & boating' } },
  { id: 'energie', label: { fr: 'Énergie (EMR, nucléaire, hydrogène)', en: 'Energy (marine, nuclear, hydrogen)' } },
  { id: 'agroalimentaire', label: { fr: 'Agroalimentaire', en: 'Food industry' } },
  { id: 'plasturgie-caoutchouc', label: { fr: 'Plasturgie & caoutchouc', en: 'Plastics & rubber' } },
  { id: 'metallurgie-mecanique', label: { fr: 'Métallurgie & mécanique', en: 'Metalworking & mechanics' } },
  { id: 'lunetterie', label: { fr: 'Lunetterie', en: 'Eyewear' } },
  { id: 'horlogerie', label: { fr: 'Horlogerie', en: 'Watchmaking' } },
  { id: 'textile-cuir', label: { fr: 'Textile & cuir', en: 'Textile & leather' } },
  { id: 'bois-ameublement', label: { fr: 'Bois & ameublement', en: 'Wood & furniture' } },
  { id: 'electronique', label: { fr: 'Électronique', en: 'Electronics' } },
  { id: 'sante', label: { fr: 'Santé', en: 'Health' } },
  { id: 'luxe', label: { fr: 'Luxe', en: 'Luxury' } },
  { id: 'velo-mobilites', label: { fr: 'Vélo & mobilités', en: 'Bicycles & mobility' } },
] as const

export type FiliereId = (typeof filieres)[number]['id']
export const filiereIds = filieres.map((filiere) => filiere.id) as [FiliereId, ...FiliereId[]]
