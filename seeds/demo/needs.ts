import type { TechnologyDomainId } from '~/domain/taxonomy/domains'
import type { FiliereId } from '~/domain/taxonomy/filieres'
import type { BudgetRange, Confidentiality, NeedCategory, NeedStage } from '~/domain/needs/vocabulary'
import type { ClosedReason, NeedStatus } from '~/domain/needs/lifecycle'
import type { DeclineReason, ProposalStatus } from '~/domain/proposals/vocabulary'
import { demoOrganisations } from './organisations'

/** Fictional needs of the demo's fictional companies, with the proposals they received. */
export type DemoProposal = {
  org: string
  status: ProposalStatus
  approach: string
  team: string
  durationMonths: number
  costRange: BudgetRange
  trl: [number, number]
  partners?: string[]
  decline?: { reason: DeclineReason; text?: string }
}

export type DemoNeed = {
  key: string
  company: string
  title: string
  summary: string
  description: string
  category: NeedCategory
  domains: TechnologyDomainId[]
  filiere: FiliereId
  trl: [number, number]
  stage: NeedStage
  budgetRange: BudgetRange
  /** Days from the seeding day; negative means the deadline has passed. */
  deadlineInDays: number
  confidentiality: Confidentiality
  status: NeedStatus
  closedReason?: ClosedReason
  /** How long ago the need was created, in days. */
  ageInDays: number
  proposals: DemoProposal[]
}

/** The stories of PRODUCT.md, written out. */
const stories: DemoNeed[] = [
  {
    key: 'morez-montures-3d', company: 'lunettes-du-haut-jura', status: 'in_project', ageInDays: 40, confidentiality: 'public',
    title: 'Prototypes de montures de lunettes imprimés en 3D',
    summary: 'Nous voulons réaliser en quelques jours des prototypes de montures (acétate et titane) pour valider les formes avec nos clients, au lieu de six semaines d’outillage.',
    description: 'Atelier de 45 personnes à Morez. Besoin : choisir une technologie de fabrication additive (polymère puis métal), définir les paramètres pour des branches fines et des charnières, et former deux techniciens.',
    category: 'technical', domains: ['additive-manufacturing'], filiere: 'lunetterie', trl: [3, 6], stage: 'experimentation', budgetRange: '10k_50k', deadlineInDays: 120,
    proposals: [
      { org: 'femto-st', status: 'accepted', approach: 'Étude comparative fusion laser sur lit de poudre et stéréolithographie, puis campagne d’essais sur 3 modèles de branches avec mesure de la tenue en fatigue.', team: 'Un ingénieur de recherche et un doctorant en microtechniques', durationMonths: 6, costRange: '10k_50k', trl: [3, 6] },
      { org: 'cetim', status: 'not_retained', approach: 'Diagnostic fabrication additive puis impression de séries d’essai sur nos plateformes.', team: 'Deux ingénieurs procédés', durationMonths: 4, costRange: '10k_50k', trl: [4, 7] },
    ],
  },
  {
    key: 'saint-claude-cobot', company: 'plasturgie-saint-claude', status: 'in_discussion', ageInDays: 12, confidentiality: 'members',
    title: 'Cellule cobotisée pour le déchargement de presses à injecter',
    summary: 'Automatiser le déchargement et le contrôle visuel des pièces sur deux presses à injecter, avec un robot collaboratif partagé entre les postes.',
    description: 'Pièces techniques de 20 à 300 g, cadence 40 s. Contraintes : place réduite autour des presses, changements de série fréquents, opérateurs à former.',
    category: 'process', domains: ['robotics', 'automation'], filiere: 'plasturgie-caoutchouc', trl: [5, 8], stage: 'experimentation', budgetRange: '50k_200k', deadlineInDays: 90,
    proposals: [
      { org: 'proxinnov', status: 'shortlisted', approach: 'Maquette de la cellule sur notre plateforme avec vos pièces, choix du cobot et de la préhension, puis accompagnement à l’intégration.', team: 'Un chef de projet robotique et un technicien', durationMonths: 5, costRange: '50k_200k', trl: [5, 8] },
      { org: 'technocampus-smart-factory', status: 'submitted', approach: 'Simulation de la cellule en jumeau numérique et étude ergonomique des postes.', team: 'Deux ingénieurs', durationMonths: 4, costRange: '10k_50k', trl: [4, 7] },
    ],
  },
  {
    key: 'gers-tri-vision', company: 'conserverie-gersoise', status: 'in_discussion', ageInDays: 8, confidentiality: 'public',
    title: 'Vision industrielle pour trier les légumes avant mise en conserve',
    summary: 'Détecter automatiquement les légumes abîmés ou hors calibre sur notre ligne de tri, aujourd’hui entièrement manuelle.',
    description: 'Ligne de 2 t/h, légumes variés selon la saison. Nous cherchons une solution de caméra et d’apprentissage automatique testée sur nos produits.',
    category: 'technical', domains: ['machine-vision', 'ai', 'food-processing'], filiere: 'agroalimentaire', trl: [4, 7], stage: 'diagnostic', budgetRange: '50k_200k', deadlineInDays: 60,
    proposals: [
      { org: 'laas-cnrs', status: 'submitted', approach: 'Constitution d’une base d’images sur trois saisons et apprentissage d’un modèle de classification embarqué.', team: 'Un chercheur et un ingénieur', durationMonths: 8, costRange: '50k_200k', trl: [3, 6] },
      { org: 'cea-tech-pays-de-la-loire', status: 'declined', approach: 'Transfert de notre brique de vision hyperspectrale.', team: 'Trois ingénieurs', durationMonths: 12, costRange: '200k_1m', trl: [4, 6], decline: { reason: 'too_costly', text: 'Le budget dépasse ce que nous pouvons engager cette année.' } },
    ],
  },
  {
    key: 'velo-batterie-aero', company: 'cycles-de-gascogne', status: 'published', ageInDays: 3, confidentiality: 'public',
    title: 'Pack batterie plus léger pour vélo à assistance électrique',
    summary: 'Concevoir un pack batterie allégé et mieux refroidi, en s’inspirant des pratiques de l’aéronautique.',
    description: 'Vélos cargo et de ville, 500 Wh. Nous cherchons une expertise en conception de packs, gestion thermique et sécurité des cellules.',
    category: 'technical', domains: ['hydrogen-batteries', 'composites'], filiere: 'velo-mobilites', trl: [3, 6], stage: 'diagnostic', budgetRange: '10k_50k', deadlineInDays: 75, proposals: [],
  },
  {
    key: 'montauban-maintenance-predictive', company: 'aero-usinage-montauban', status: 'published', ageInDays: 6, confidentiality: 'anonymous',
    title: 'Maintenance prédictive sur centres d’usinage 5 axes',
    summary: 'Anticiper les pannes de broches à partir des données machines déjà collectées.',
    description: 'Douze centres d’usinage, historique de deux ans de vibrations et de consommations. Besoin d’un modèle prédictif et d’un tableau de bord.',
    category: 'technical', domains: ['data-analytics', 'ai', 'iiot'], filiere: 'aeronautique-spatial', trl: [4, 7], stage: 'experimentation', budgetRange: '50k_200k', deadlineInDays: 100, proposals: [],
  },
  {
    key: 'cholet-relocalisation', company: 'chaussures-choletaises', status: 'submitted', ageInDays: 2, confidentiality: 'members',
    title: 'Automatiser le piquage pour relocaliser une gamme de chaussures',
    summary: 'Étudier l’automatisation partielle du piquage des tiges pour rapatrier une gamme produite aujourd’hui à l’étranger.',
    description: 'Petites séries, nombreuses pointures. Nous voulons savoir ce qui est faisable et à quel coût.',
    category: 'process', domains: ['automation', 'robotics'], filiere: 'textile-cuir', trl: [3, 6], stage: 'diagnostic', budgetRange: '10k_50k', deadlineInDays: 120, proposals: [],
  },
  {
    key: 'laval-formation-vr', company: 'laval-agro-process', status: 'closed', closedReason: 'fulfilled', ageInDays: 200, confidentiality: 'public',
    title: 'Former les opérateurs de conditionnement en réalité virtuelle',
    summary: 'Un module de formation immersive pour les réglages de la ligne de conditionnement.',
    description: 'Projet terminé avec succès : le module est utilisé pour chaque nouvel opérateur.',
    category: 'process', domains: ['vr-ar', 'human-factors'], filiere: 'agroalimentaire', trl: [5, 8], stage: 'deployment', budgetRange: '10k_50k', deadlineInDays: -30,
    proposals: [{ org: 'clarte', status: 'accepted', approach: 'Scénarisation avec vos formateurs, développement du module et tests sur site.', team: 'Un chef de projet et deux développeurs', durationMonths: 5, costRange: '10k_50k', trl: [5, 8] }],
  },
  {
    key: 'chateaubriant-fours', company: 'fonderie-chateaubriant', status: 'closed', closedReason: 'expired', ageInDays: 150, confidentiality: 'members',
    title: 'Réduire la consommation énergétique des fours de fusion',
    summary: 'Mesurer et réduire l’énergie consommée par nos deux fours à induction.',
    description: 'Besoin expiré sans proposition retenue.',
    category: 'financing', domains: ['energy-efficiency', 'data-analytics'], filiere: 'metallurgie-mecanique', trl: [6, 8], stage: 'diagnostic', budgetRange: 'lt_10k', deadlineInDays: -10, proposals: [],
  },
  {
    key: 'ancenis-recyclage-composites', company: 'composites-ancenis', status: 'draft', ageInDays: 1, confidentiality: 'members',
    title: 'Recycler les chutes de composites thermodurcissables',
    summary: 'Trouver une filière de valorisation pour nos chutes de découpe.',
    description: '',
    category: 'technical', domains: ['composites', 'ecodesign-recycling'], filiere: 'automobile', trl: [2, 5], stage: 'diagnostic', budgetRange: '10k_50k', deadlineInDays: 150, proposals: [],
  },
]

const researchOrgs = demoOrganisations.filter((org) => org.kind !== 'company')
const companies = demoOrganisations.filter((org) => org.kind === 'company')

/** The statuses the generated needs cycle through, so every status is well represented. */
const statusCycle: Array<{ status: NeedStatus; closedReason?: ClosedReason }> = [
  { status: 'published' }, { status: 'in_discussion' }, { status: 'published' }, { status: 'draft' },
  { status: 'in_discussion' }, { status: 'submitted' }, { status: 'published' }, { status: 'in_project' },
  { status: 'closed', closedReason: 'fulfilled' }, { status: 'published' }, { status: 'closed', closedReason: 'abandoned' },
  { status: 'in_discussion' }, { status: 'closed', closedReason: 'expired' },
]

export const intents: Record<string, { title: string; summary: string }> = {
  'additive-manufacturing': { title: 'Pièces de rechange par fabrication additive', summary: 'Imprimer en 3D des pièces de rechange devenues introuvables pour nos machines.' },
  ai: { title: 'Intelligence artificielle pour planifier la production', summary: 'Un outil d’aide à la planification qui tienne compte des aléas et des compétences.' },
  'machine-vision': { title: 'Contrôle qualité par vision industrielle', summary: 'Détecter automatiquement les défauts d’aspect en fin de ligne.' },
  robotics: { title: 'Robotiser une opération pénible', summary: 'Soulager les opérateurs d’une manutention répétitive grâce à un robot collaboratif.' },
  automation: { title: 'Automatiser le changement de série', summary: 'Réduire le temps de changement de série sur notre ligne principale.' },
  iiot: { title: 'Connecter un parc machines ancien', summary: 'Remonter les données de production de machines sans interface numérique.' },
  'digital-twin': { title: 'Jumeau numérique de l’atelier', summary: 'Simuler les flux de l’atelier avant de réorganiser l’implantation.' },
  cybersecurity: { title: 'Sécuriser les automates de l’usine', summary: 'Un diagnostic de cybersécurité de nos équipements connectés.' },
  'vr-ar': { title: 'Réalité augmentée pour la maintenance', summary: 'Guider les techniciens de maintenance avec des instructions en réalité augmentée.' },
  'data-analytics': { title: 'Exploiter les données de production', summary: 'Comprendre les causes de rebut à partir de nos historiques de production.' },
  composites: { title: 'Remplacer une pièce métallique par un composite', summary: 'Alléger une pièce structurelle sans perdre en résistance.' },
  'advanced-materials': { title: 'Tester un nouveau matériau', summary: 'Qualifier un matériau biosourcé pour une gamme de produits.' },
  plastics: { title: 'Réduire les rebuts en injection plastique', summary: 'Stabiliser le procédé d’injection sur une pièce à géométrie complexe.' },
  machining: { title: 'Usiner un alliage difficile', summary: 'Améliorer la durée de vie des outils sur un alliage réfractaire.' },
  'surface-treatment': { title: 'Remplacer un traitement de surface', summary: 'Trouver une alternative à un traitement de surface bientôt interdit.' },
  electronics: { title: 'Carte électronique pour un nouveau produit', summary: 'Concevoir et prototyper une carte électronique basse consommation.' },
  photonics: { title: 'Marquage laser de nos produits', summary: 'Marquer durablement nos pièces par laser pour la traçabilité.' },
  'energy-efficiency': { title: 'Réduire la facture énergétique du site', summary: 'Identifier les gisements d’économie d’énergie de l’usine.' },
  'hydrogen-batteries': { title: 'Stockage d’énergie sur site', summary: 'Étudier un stockage par batteries pour lisser nos pointes de consommation.' },
  'ecodesign-recycling': { title: 'Écoconcevoir notre produit phare', summary: 'Réduire l’empreinte environnementale de notre produit principal.' },
  'food-processing': { title: 'Allonger la durée de conservation', summary: 'Améliorer le procédé pour prolonger la durée de conservation sans additifs.' },
  'human-factors': { title: 'Améliorer l’ergonomie des postes', summary: 'Réduire les troubles musculosquelettiques sur les postes d’assemblage.' },
}

const stages: NeedStage[] = ['diagnostic', 'experimentation', 'deployment']
const budgets: BudgetRange[] = ['lt_10k', '10k_50k', '50k_200k']
const confidentialities: Confidentiality[] = ['public', 'members', 'public', 'anonymous']
const sizeWords = { tpe: 'très petite entreprise', pme: 'PME', eti: 'ETI', ge: 'grande entreprise' } as const

/** Stories first, then needs derived deterministically from each company's domains. */
export function demoNeeds(target = 62): DemoNeed[] {
  const needs = [...stories]
  for (let index = 0; needs.length < target; index++) {
    const company = companies[index % companies.length]!
    const domain = company.domains[Math.floor(index / companies.length) % company.domains.length]!
    const intent = intents[domain]!
    const { status, closedReason } = statusCycle[index % statusCycle.length]!
    const partners = researchOrgs.filter((org) => org.domains.includes(domain))
    const trlStart = 3 + (index % 3)
    const proposals: DemoProposal[] = []
    const proposer = partners[index % Math.max(partners.length, 1)]
    if (proposer && ['in_discussion', 'in_project'].includes(status)) {
      proposals.push({
        org: proposer.slug,
        status: status === 'in_project' ? 'accepted' : index % 2 ? 'shortlisted' : 'submitted',
        approach: `Diagnostic sur site, essais sur notre plateforme (${proposer.name}) puis recommandations chiffrées.`,
        team: 'Un ingénieur et un technicien',
        durationMonths: 3 + (index % 6),
        costRange: budgets[index % budgets.length]!,
        trl: [trlStart, trlStart + 3],
      })
    }
    if (closedReason === 'fulfilled' && proposer) {
      proposals.push({ org: proposer.slug, status: 'accepted', approach: 'Étude menée sur site, essais réalisés et recommandations livrées à l’entreprise.', team: 'Un ingénieur', durationMonths: 3, costRange: 'lt_10k', trl: [trlStart, trlStart + 2] })
    }
    const confidentiality = confidentialities[index % confidentialities.length]!
    // An anonymised need must not give its company away: no name in the title, no profile text.
    const anonymous = confidentiality === 'anonymous'
    needs.push({
      key: `generated-${index}`,
      company: company.slug,
      title: anonymous ? `${intent.title} (${sizeWords[company.size ?? 'pme']})` : `${intent.title} — ${company.name.replace(/ \(fictive?\)$/, '')}`,
      summary: intent.summary,
      description: anonymous
        ? 'Besoin fictif de démonstration, publié sans le nom de l’entreprise : les animateurs de son territoire le connaissent et vous mettent en relation.'
        : `Besoin fictif de démonstration. ${company.description}`,
      category: index % 7 === 0 ? 'financing' : index % 2 ? 'process' : 'technical',
      domains: [domain],
      filiere: company.filieres[0]!,
      trl: [trlStart, trlStart + 3],
      stage: stages[index % stages.length]!,
      budgetRange: budgets[index % budgets.length]!,
      deadlineInDays: status === 'closed' ? -5 - index : 30 + (index % 5) * 20,
      confidentiality,
      status,
      closedReason,
      ageInDays: status === 'closed' ? 120 + index : 1 + (index % 30),
      proposals,
    })
  }
  return needs
}
