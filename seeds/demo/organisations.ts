import type { TechnologyDomainId } from '~/domain/taxonomy/domains'
import type { FiliereId } from '~/domain/taxonomy/filieres'
import type { OrgKind } from '~/domain/orgs/kinds'

/**
 * Demo organisations. Real public bodies (pôles, clusters, platforms, labs) are described
 * from public facts only, without contacts; companies are fictional and flagged as such.
 * `commune` is the official INSEE code (checked against @etalab/decoupage-administratif).
 */
export type DemoOrganisation = {
  slug: string
  name: string
  kind: OrgKind
  description: string
  domains: TechnologyDomainId[]
  keywords: string[]
  equipment: string[]
  trl?: [number, number]
  filieres: FiliereId[]
  commune: string
  territories: string[]
  website?: string
  size?: 'tpe' | 'pme' | 'eti'
  /** Slugs of the clusters / pôles a company belongs to. */
  memberOf?: string[]
  verified: boolean
  fictional: boolean
}

const real = { verified: true, fictional: false } as const
const fictional = { verified: true, fictional: true } as const

export const demoOrganisations: DemoOrganisation[] = [
  // Pôles de compétitivité and clusters
  { slug: 'pole-emc2', name: 'Pôle EMC2', kind: 'pole', ...real, commune: '44020', territories: ['saint-nazaire-cordemais', 'ancenis', 'chateaubriant'],
    description: 'Pôle de compétitivité des technologies avancées de production, basé en Pays de la Loire : il accompagne les projets d’innovation collaboratifs des industriels autour des composites, de la fabrication additive, de la robotique et de l’usine du futur.',
    domains: ['composites', 'additive-manufacturing', 'robotics', 'digital-twin'], keywords: ['industrie du futur', 'projets collaboratifs'], equipment: [], filieres: ['aeronautique-spatial', 'naval-nautique', 'energie', 'automobile'] },
  { slug: 'pole-valorial', name: 'Pôle Valorial', kind: 'pole', ...real, commune: '35238', territories: [],
    description: 'Pôle de compétitivité de l’agroalimentaire du Grand Ouest : il fédère entreprises, laboratoires et centres techniques autour de l’innovation alimentaire et des procédés.',
    domains: ['food-processing', 'ecodesign-recycling'], keywords: ['aliment de demain', 'emballage'], equipment: [], filieres: ['agroalimentaire'], website: 'https://www.pole-valorial.fr' },
  { slug: 'pole-id4car', name: 'Pôle ID4CAR', kind: 'pole', ...real, commune: '44109', territories: ['le-mans', 'la-roche-sur-yon'],
    description: 'Pôle de compétitivité des véhicules et des mobilités du Grand Ouest : automobile, véhicules spécifiques et solutions de mobilité.',
    domains: ['electronics', 'hydrogen-batteries', 'advanced-materials'], keywords: ['mobilités', 'véhicule connecté'], equipment: [], filieres: ['automobile', 'velo-mobilites'] },
  { slug: 'we-network', name: 'WE Network', kind: 'cluster', ...real, commune: '49007', territories: ['segre-en-anjou', 'bressuire-cholet'],
    description: 'Réseau des entreprises de la filière électronique, basé à Angers : conception, fabrication et intégration de systèmes électroniques.',
    domains: ['electronics', 'iiot'], keywords: ['électronique embarquée', 'cartes électroniques'], equipment: [], filieres: ['electronique'] },
  { slug: 'neopolia', name: 'Neopolia', kind: 'cluster', ...real, commune: '44184', territories: ['saint-nazaire-cordemais'],
    description: 'Réseau d’entreprises industrielles de Loire-Atlantique et des Pays de la Loire qui se regroupent pour répondre ensemble aux grands marchés (naval, énergies marines, aéronautique, ferroviaire).',
    domains: ['machining', 'composites', 'surface-treatment'], keywords: ['groupement d’entreprises', 'sous-traitance'], equipment: [], filieres: ['naval-nautique', 'energie', 'aeronautique-spatial', 'ferroviaire'] },
  { slug: 'aerospace-valley', name: 'Aerospace Valley', kind: 'pole', ...real, commune: '31555', territories: ['gers-tarn-et-garonne'],
    description: 'Pôle de compétitivité aéronautique, spatial et systèmes embarqués d’Occitanie et de Nouvelle-Aquitaine.',
    domains: ['electronics', 'composites', 'digital-twin', 'ai'], keywords: ['systèmes embarqués', 'drones'], equipment: [], filieres: ['aeronautique-spatial'], website: 'https://www.aerospace-valley.com' },
  { slug: 'velo-vallee', name: 'Vélo Vallée', kind: 'cluster', ...real, commune: '32013', territories: ['gers-tarn-et-garonne'],
    description: 'Cluster de la filière vélo dans le Gers : il réunit fabricants, équipementiers et acteurs de la mobilité douce.',
    domains: ['hydrogen-batteries', 'composites', 'ecodesign-recycling'], keywords: ['vélo à assistance électrique', 'cadres'], equipment: [], filieres: ['velo-mobilites'] },
  { slug: 'plastipolis', name: 'Plastipolis', kind: 'pole', ...real, commune: '01283', territories: ['haut-jura'],
    description: 'Pôle de compétitivité de la plasturgie, implanté à Oyonnax, au cœur de la Plastics Vallée.',
    domains: ['plastics', 'ecodesign-recycling', 'advanced-materials'], keywords: ['injection', 'moules', 'recyclage des plastiques'], equipment: [], filieres: ['plasturgie-caoutchouc', 'lunetterie'] },
  { slug: 'polymeris', name: 'Polymeris', kind: 'pole', ...real, commune: '69123', territories: [],
    description: 'Pôle de compétitivité des matériaux polymères : caoutchouc, plastiques et composites.',
    domains: ['plastics', 'composites', 'advanced-materials'], keywords: ['caoutchouc', 'élastomères'], equipment: [], filieres: ['plasturgie-caoutchouc'] },

  // Technology platforms and centres
  { slug: 'irt-jules-verne', name: 'IRT Jules Verne', kind: 'technology_centre', ...real, commune: '44020', territories: ['saint-nazaire-cordemais'], trl: [3, 6],
    description: 'Institut de recherche technologique dédié aux technologies avancées de production : composites, métallique, robotique et fabrication additive, avec des démonstrateurs à l’échelle industrielle.',
    domains: ['composites', 'additive-manufacturing', 'robotics', 'machining', 'digital-twin'], keywords: ['démonstrateurs', 'usine du futur'], equipment: ['Cellules robotisées', 'Moyens de fabrication additive métallique'], filieres: ['aeronautique-spatial', 'naval-nautique', 'energie', 'automobile'], website: 'https://www.irt-jules-verne.fr' },
  { slug: 'technocampus-composites', name: 'Technocampus Composites', kind: 'technology_centre', ...real, commune: '44020', territories: ['saint-nazaire-cordemais'], trl: [3, 7],
    description: 'Plateforme de recherche collaborative consacrée aux matériaux composites, où industriels et laboratoires partagent équipements et projets.',
    domains: ['composites'], keywords: ['préimprégnés', 'drapage automatisé'], equipment: ['Autoclave', 'Presse'], filieres: ['aeronautique-spatial', 'naval-nautique'] },
  { slug: 'technocampus-ocean', name: 'Technocampus Océan', kind: 'technology_centre', ...real, commune: '44020', territories: ['saint-nazaire-cordemais'], trl: [3, 7],
    description: 'Plateforme de recherche collaborative dédiée aux technologies navales et aux énergies marines renouvelables.',
    domains: ['machining', 'composites', 'robotics'], keywords: ['soudage', 'structures métalliques'], equipment: [], filieres: ['naval-nautique', 'energie'] },
  { slug: 'technocampus-smart-factory', name: 'Technocampus Smart Factory', kind: 'technology_centre', ...real, commune: '44184', territories: ['saint-nazaire-cordemais'], trl: [4, 7],
    description: 'Plateforme consacrée à l’usine du futur : robotique, cobotique, réalité virtuelle et numérique au service de la production.',
    domains: ['robotics', 'vr-ar', 'digital-twin', 'human-factors'], keywords: ['cobotique', 'opérateur augmenté'], equipment: ['Cobots', 'Salle immersive'], filieres: ['metallurgie-mecanique', 'aeronautique-spatial'] },
  { slug: 'proxinnov', name: 'Proxinnov', kind: 'technology_centre', ...real, commune: '85191', territories: ['la-roche-sur-yon'], trl: [4, 8],
    description: 'Plateforme technologique en robotique et cobotique implantée en Vendée : elle aide les PME à tester et intégrer des solutions robotisées.',
    domains: ['robotics', 'automation'], keywords: ['robot collaboratif', 'cellule robotisée', 'essais'], equipment: ['Cobots', 'Robots industriels'], filieres: ['metallurgie-mecanique', 'agroalimentaire', 'plasturgie-caoutchouc'] },
  { slug: 'cetim', name: 'CETIM', kind: 'technology_centre', ...real, commune: '60612', territories: [], trl: [4, 8],
    description: 'Centre technique des industries mécaniques : expertise, essais et accompagnement technologique des entreprises de la mécanique.',
    domains: ['machining', 'additive-manufacturing', 'surface-treatment', 'advanced-materials'], keywords: ['essais', 'mécanique'], equipment: [], filieres: ['metallurgie-mecanique'], website: 'https://www.cetim.fr' },
  { slug: 'cea-tech-pays-de-la-loire', name: 'CEA Tech Pays de la Loire', kind: 'technology_centre', ...real, commune: '44109', territories: [], trl: [3, 6],
    description: 'Implantation régionale de la recherche technologique du CEA, qui diffuse ses technologies auprès des entreprises (contrôle non destructif, robotique, numérique).',
    domains: ['machine-vision', 'robotics', 'ai', 'iiot'], keywords: ['contrôle non destructif', 'transfert de technologie'], equipment: [], filieres: ['aeronautique-spatial', 'naval-nautique', 'energie'] },
  { slug: 'clarte', name: 'Clarté', kind: 'technology_centre', ...real, commune: '53054', territories: ['laval-loiron'], trl: [3, 7],
    description: 'Centre de ressources technologiques en réalité virtuelle et augmentée, situé à Laval.',
    domains: ['vr-ar', 'human-factors', 'digital-twin'], keywords: ['réalité virtuelle', 'formation immersive'], equipment: ['Salle immersive', 'Casques de réalité virtuelle'], filieres: ['metallurgie-mecanique', 'sante'] },
  { slug: 'cite-objet-connecte', name: 'Cité de l’objet connecté', kind: 'technology_centre', ...real, commune: '49007', territories: ['segre-en-anjou'], trl: [4, 8],
    description: 'Accélérateur industriel de l’objet connecté à Angers : du prototype à la pré-série pour les projets IoT.',
    domains: ['iiot', 'electronics'], keywords: ['prototypage', 'objets connectés'], equipment: ['Ligne de prototypage électronique'], filieres: ['electronique'] },

  // Public research labs (described from public facts)
  { slug: 'ls2n', name: 'LS2N — Laboratoire des sciences du numérique de Nantes', kind: 'lab', ...real, commune: '44109', territories: [], trl: [1, 5],
    description: 'Unité mixte de recherche en sciences du numérique : robotique, automatique, signal, image et informatique.',
    domains: ['robotics', 'ai', 'machine-vision', 'automation'], keywords: ['commande', 'vision par ordinateur'], equipment: [], filieres: ['aeronautique-spatial', 'automobile', 'sante'] },
  { slug: 'gem-nantes', name: 'GeM — Institut de recherche en génie civil et mécanique', kind: 'lab', ...real, commune: '44109', territories: [], trl: [1, 5],
    description: 'Unité mixte de recherche en mécanique des matériaux et des structures, procédés de fabrication et génie civil.',
    domains: ['composites', 'advanced-materials', 'machining'], keywords: ['mécanique des matériaux', 'procédés'], equipment: [], filieres: ['naval-nautique', 'aeronautique-spatial', 'energie'] },
  { slug: 'femto-st', name: 'FEMTO-ST', kind: 'lab', ...real, commune: '25056', territories: ['haut-jura'], trl: [1, 5],
    description: 'Institut de recherche en sciences de l’ingénieur à Besançon : micro-mécanique, optique, temps-fréquence, énergie et automatique.',
    domains: ['photonics', 'electronics', 'automation', 'machining'], keywords: ['microtechniques', 'horlogerie'], equipment: ['Centrale de micro-fabrication'], filieres: ['horlogerie', 'lunetterie', 'sante'] },
  { slug: 'institut-clement-ader', name: 'Institut Clément Ader', kind: 'lab', ...real, commune: '31555', territories: ['gers-tarn-et-garonne'], trl: [1, 5],
    description: 'Laboratoire de recherche en mécanique des structures, matériaux et procédés, tourné vers l’aéronautique et le spatial.',
    domains: ['composites', 'additive-manufacturing', 'machining'], keywords: ['structures', 'usinage'], equipment: [], filieres: ['aeronautique-spatial'] },
  { slug: 'laas-cnrs', name: 'LAAS-CNRS', kind: 'lab', ...real, commune: '31555', territories: ['gers-tarn-et-garonne'], trl: [1, 4],
    description: 'Laboratoire du CNRS en robotique, automatique, micro et nano systèmes et systèmes informatiques critiques.',
    domains: ['robotics', 'electronics', 'ai', 'hydrogen-batteries'], keywords: ['robotique', 'énergie'], equipment: ['Salle blanche'], filieres: ['aeronautique-spatial', 'energie'] },

  // Fictional companies (demo only)
  { slug: 'lunettes-du-haut-jura', name: 'Lunettes du Haut-Jura (fictive)', kind: 'company', ...fictional, size: 'pme', commune: '39368', territories: ['haut-jura'], memberOf: ['plastipolis'],
    description: 'Entreprise fictive : fabricant de montures de lunettes en acétate et en métal à Morez, 45 salariés.', domains: ['additive-manufacturing', 'plastics'], keywords: ['montures', 'acétate'], equipment: [], filieres: ['lunetterie'] },
  { slug: 'plasturgie-saint-claude', name: 'Plasturgie Saint-Claude (fictive)', kind: 'company', ...fictional, size: 'pme', commune: '39478', territories: ['haut-jura'], memberOf: ['plastipolis'],
    description: 'Entreprise fictive : mouleur par injection de pièces techniques, 80 salariés.', domains: ['plastics', 'robotics'], keywords: ['injection', 'presses'], equipment: [], filieres: ['plasturgie-caoutchouc'] },
  { slug: 'horlogerie-du-doubs', name: 'Atelier Horloger du Doubs (fictif)', kind: 'company', ...fictional, size: 'tpe', commune: '25411', territories: ['haut-jura'],
    description: 'Entreprise fictive : fabrication de composants horlogers de précision.', domains: ['machining', 'surface-treatment'], keywords: ['micro-usinage'], equipment: [], filieres: ['horlogerie'] },
  { slug: 'conserverie-gersoise', name: 'Conserverie Gersoise (fictive)', kind: 'company', ...fictional, size: 'pme', commune: '32132', territories: ['gers-tarn-et-garonne'],
    description: 'Entreprise fictive : conserverie de produits du terroir, tri de matières premières.', domains: ['machine-vision', 'food-processing'], keywords: ['tri optique'], equipment: [], filieres: ['agroalimentaire'] },
  { slug: 'cycles-de-gascogne', name: 'Cycles de Gascogne (fictive)', kind: 'company', ...fictional, size: 'pme', commune: '32107', territories: ['gers-tarn-et-garonne'], memberOf: ['velo-vallee'],
    description: 'Entreprise fictive : fabricant de vélos à assistance électrique.', domains: ['hydrogen-batteries', 'composites'], keywords: ['pack batterie', 'cadres'], equipment: [], filieres: ['velo-mobilites'] },
  { slug: 'aero-usinage-montauban', name: 'Aéro Usinage Montauban (fictive)', kind: 'company', ...fictional, size: 'pme', commune: '82121', territories: ['gers-tarn-et-garonne'], memberOf: ['aerospace-valley'],
    description: 'Entreprise fictive : usinage de pièces aéronautiques.', domains: ['machining', 'data-analytics'], keywords: ['maintenance prédictive'], equipment: [], filieres: ['aeronautique-spatial'] },
  { slug: 'fromagerie-lectouroise', name: 'Fromagerie Lectouroise (fictive)', kind: 'company', ...fictional, size: 'tpe', commune: '32208', territories: ['gers-tarn-et-garonne'],
    description: 'Entreprise fictive : fromagerie artisanale en développement.', domains: ['food-processing', 'energy-efficiency'], keywords: ['froid industriel'], equipment: [], filieres: ['agroalimentaire'] },
  { slug: 'chaussures-choletaises', name: 'Chaussures Choletaises (fictive)', kind: 'company', ...fictional, size: 'pme', commune: '49099', territories: ['bressuire-cholet'],
    description: 'Entreprise fictive : fabrication de chaussures, relocalisation de la production.', domains: ['automation', 'robotics'], keywords: ['piquage', 'automatisation'], equipment: [], filieres: ['textile-cuir'] },
  { slug: 'meubles-de-bressuire', name: 'Meubles de Bressuire (fictive)', kind: 'company', ...fictional, size: 'pme', commune: '79049', territories: ['bressuire-cholet'],
    description: 'Entreprise fictive : fabricant de meubles en bois massif.', domains: ['ecodesign-recycling', 'automation'], keywords: ['écoconception'], equipment: [], filieres: ['bois-ameublement'] },
  { slug: 'electronique-angevine', name: 'Électronique Angevine (fictive)', kind: 'company', ...fictional, size: 'eti', commune: '49007', territories: ['segre-en-anjou'], memberOf: ['we-network'],
    description: 'Entreprise fictive : sous-traitant en cartes électroniques.', domains: ['electronics', 'machine-vision'], keywords: ['contrôle qualité', 'AOI'], equipment: [], filieres: ['electronique'] },
  { slug: 'chaudronnerie-nazairienne', name: 'Chaudronnerie Nazairienne (fictive)', kind: 'company', ...fictional, size: 'pme', commune: '44184', territories: ['saint-nazaire-cordemais'], memberOf: ['neopolia', 'pole-emc2'],
    description: 'Entreprise fictive : chaudronnerie et soudage pour la navale.', domains: ['robotics', 'machining'], keywords: ['soudage robotisé'], equipment: [], filieres: ['naval-nautique'] },
  { slug: 'composites-ancenis', name: 'Composites d’Ancenis (fictive)', kind: 'company', ...fictional, size: 'pme', commune: '44003', territories: ['ancenis'], memberOf: ['pole-emc2'],
    description: 'Entreprise fictive : pièces composites pour le machinisme agricole.', domains: ['composites', 'ecodesign-recycling'], keywords: ['recyclage des composites'], equipment: [], filieres: ['automobile'] },
  { slug: 'fonderie-chateaubriant', name: 'Fonderie de Châteaubriant (fictive)', kind: 'company', ...fictional, size: 'pme', commune: '44036', territories: ['chateaubriant'],
    description: 'Entreprise fictive : fonderie de pièces en fonte.', domains: ['energy-efficiency', 'data-analytics'], keywords: ['efficacité énergétique des fours'], equipment: [], filieres: ['metallurgie-mecanique'] },
  { slug: 'remorques-vendeennes', name: 'Remorques Vendéennes (fictive)', kind: 'company', ...fictional, size: 'pme', commune: '85109', territories: ['la-roche-sur-yon'], memberOf: ['pole-id4car'],
    description: 'Entreprise fictive : constructeur de remorques et véhicules spécifiques.', domains: ['robotics', 'digital-twin'], keywords: ['soudage', 'simulation'], equipment: [], filieres: ['automobile'] },
  { slug: 'laval-agro-process', name: 'Laval Agro Process (fictive)', kind: 'company', ...fictional, size: 'pme', commune: '53130', territories: ['laval-loiron'], memberOf: ['pole-valorial'],
    description: 'Entreprise fictive : plats cuisinés, ligne de conditionnement.', domains: ['food-processing', 'vr-ar', 'human-factors'], keywords: ['formation des opérateurs'], equipment: [], filieres: ['agroalimentaire'] },
  { slug: 'mecanique-mancelle', name: 'Mécanique Mancelle (fictive)', kind: 'company', ...fictional, size: 'pme', commune: '72181', territories: ['le-mans'], memberOf: ['pole-id4car'],
    description: 'Entreprise fictive : usinage de pièces pour l’automobile.', domains: ['machining', 'iiot', 'cybersecurity'], keywords: ['machines connectées'], equipment: [], filieres: ['automobile'] },
  { slug: 'mayenne-emballages', name: 'Mayenne Emballages (fictive)', kind: 'company', ...fictional, size: 'pme', commune: '53147', territories: ['mayenne'],
    description: 'Entreprise fictive : emballages plastiques et carton.', domains: ['plastics', 'ecodesign-recycling'], keywords: ['emballage recyclable'], equipment: [], filieres: ['plasturgie-caoutchouc', 'agroalimentaire'] },
  { slug: 'sable-salaisons', name: 'Salaisons de Sablé (fictive)', kind: 'company', ...fictional, size: 'eti', commune: '72264', territories: ['sable-la-fleche'], memberOf: ['pole-valorial'],
    description: 'Entreprise fictive : salaisons industrielles.', domains: ['machine-vision', 'robotics', 'food-processing'], keywords: ['découpe automatisée'], equipment: [], filieres: ['agroalimentaire'] },
  { slug: 'segre-metal', name: 'Segré Métal (fictive)', kind: 'company', ...fictional, size: 'tpe', commune: '49331', territories: ['segre-en-anjou'],
    description: 'Entreprise fictive : serrurerie et métallerie industrielle.', domains: ['machining', 'automation'], keywords: ['pliage'], equipment: [], filieres: ['metallurgie-mecanique'] },
  { slug: 'huisne-textiles', name: 'Textiles de l’Huisne (fictive)', kind: 'company', ...fictional, size: 'pme', commune: '72132', territories: ['vallee-de-l-huisne'],
    description: 'Entreprise fictive : textiles techniques.', domains: ['advanced-materials', 'iiot'], keywords: ['textiles connectés'], equipment: [], filieres: ['textile-cuir'] },
  { slug: 'cordemais-energies', name: 'Cordemais Énergies Services (fictive)', kind: 'company', ...fictional, size: 'pme', commune: '44045', territories: ['saint-nazaire-cordemais'],
    description: 'Entreprise fictive : maintenance d’installations énergétiques.', domains: ['data-analytics', 'hydrogen-batteries'], keywords: ['maintenance prédictive', 'hydrogène'], equipment: [], filieres: ['energie'] },
]
