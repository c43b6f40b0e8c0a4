/**
 * The shared technology-domain taxonomy (PRODUCT.md). Labels are data, not UI strings:
 * each domain carries its French and English label and the synonyms search must honour.
 */
export type TechnologyDomain = {
  id: string
  label: { fr: string; en: string }
  synonyms: string[]
}

export const technologyDomains = [
  { id: 'additive-manufacturing', label: { fr: 'Fabrication additive (impression 3D)', en: 'Additive manufacturing' }, synonyms: ['impression 3D', 'fabrication additive', '3D printing', 'additive manufacturing'] },
  { id: 'ai', label: { fr: 'Intelligence artificielle', en: 'AI' }, synonyms: ['IA', 'intelligence artificielle', 'AI', 'machine learning', 'apprentissage automatique'] },
  { id: 'machine-vision', label: { fr: 'Vision industrielle', en: 'Machine vision' }, synonyms: ['vision industrielle', 'machine vision', 'vision par ordinateur', 'computer vision'] },
  { id: 'robotics', label: { fr: 'Robotique & cobotique', en: 'Robotics & cobots' }, synonyms: ['cobot', 'robot collaboratif', 'cobotique', 'robotique', 'robotics'] },
  { id: 'automation', label: { fr: 'Automatisation', en: 'Automation' }, synonyms: ['automatisation', 'automatisme', 'automation', 'automate'] },
  { id: 'iiot', label: { fr: 'IoT industriel', en: 'IIoT' }, synonyms: ['IoT', 'IIoT', 'objets connectés', 'capteurs connectés'] },
  { id: 'digital-twin', label: { fr: 'Jumeau numérique & simulation', en: 'Digital twin & simulation' }, synonyms: ['jumeau numérique', 'digital twin', 'simulation'] },
  { id: 'cybersecurity', label: { fr: 'Cybersécurité', en: 'Cybersecurity' }, synonyms: ['cybersécurité', 'cybersecurity', 'sécurité informatique'] },
  { id: 'vr-ar', label: { fr: 'Réalité virtuelle & augmentée', en: 'VR & AR' }, synonyms: ['réalité virtuelle', 'réalité augmentée', 'VR', 'AR'] },
  { id: 'data-analytics', label: { fr: 'Big data & analyse prédictive', en: 'Data & predictive analytics' }, synonyms: ['big data', 'analyse prédictive', 'maintenance prédictive', 'data'] },
  { id: 'composites', label: { fr: 'Matériaux composites', en: 'Composites' }, synonyms: ['composites', 'matériaux composites', 'fibre de carbone'] },
  { id: 'advanced-materials', label: { fr: 'Nouveaux matériaux', en: 'Advanced materials' }, synonyms: ['nouveaux matériaux', 'matériaux avancés', 'advanced materials'] },
  { id: 'plastics', label: { fr: 'Plasturgie', en: 'Plastics processing' }, synonyms: ['plasturgie', 'injection plastique', 'plastics'] },
  { id: 'machining', label: { fr: 'Usinage & mécanique', en: 'Machining' }, synonyms: ['usinage', 'mécanique', 'machining'] },
  { id: 'surface-treatment', label: { fr: 'Traitement de surface', en: 'Surface treatment' }, synonyms: ['traitement de surface', 'revêtement', 'surface treatment'] },
  { id: 'electronics', label: { fr: 'Électronique & systèmes embarqués', en: 'Electronics' }, synonyms: ['électronique', 'systèmes embarqués', 'electronics', 'embedded'] },
  { id: 'photonics', label: { fr: 'Photonique', en: 'Photonics' }, synonyms: ['photonique', 'laser', 'optique', 'photonics'] },
  { id: 'energy-efficiency', label: { fr: 'Énergie & efficacité énergétique', en: 'Energy efficiency' }, synonyms: ['efficacité énergétique', 'énergie', 'energy efficiency'] },
  { id: 'hydrogen-batteries', label: { fr: 'Hydrogène & batteries', en: 'Hydrogen & batteries' }, synonyms: ['hydrogène', 'batteries', 'pack batterie', 'hydrogen'] },
  { id: 'ecodesign-recycling', label: { fr: 'Écoconception & recyclage', en: 'Ecodesign & recycling' }, synonyms: ['écoconception', 'recyclage', 'ecodesign', 'recycling'] },
  { id: 'food-processing', label: { fr: 'Agroalimentaire (procédés)', en: 'Food processing' }, synonyms: ['agroalimentaire', 'procédés alimentaires', 'food processing'] },
  { id: 'human-factors', label: { fr: 'Ergonomie & opérateur du futur', en: 'Human factors' }, synonyms: ['ergonomie', 'opérateur du futur', 'human factors'] },
] as const satisfies readonly TechnologyDomain[]

export type TechnologyDomainId = (typeof technologyDomains)[number]['id']

export function domainLabel(id: TechnologyDomainId, language: 'fr' | 'en') {
  return technologyDomains.find((domain) => domain.id === id)?.label[language] ?? id
}

export const technologyDomainIds = technologyDomains.map((domain) => domain.id) as [TechnologyDomainId, ...TechnologyDomainId[]]
