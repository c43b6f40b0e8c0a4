import type { InstitutionalService } from './aides'

/**
 * Institutional services shown as "aides possibles" next to needs (PRODUCT.md). Public facts
 * only, described generically: schemes open and close by calls, so the text tells the company
 * whom to ask rather than promising an amount. Contacts are the public body and its website.
 * Region codes are official INSEE codes (52 Pays de la Loire, 76 Occitanie,
 * 27 Bourgogne-Franche-Comté).
 */
export const institutionalServices: readonly InstitutionalService[] = [
  {
    id: 'rebond-industriel',
    name: 'Rebond industriel',
    forWhom: {
      fr: 'Entreprises industrielles qui investissent dans un territoire retenu par l’État après des difficultés industrielles.',
      en: 'Industrial companies investing in a territory selected by the State after industrial difficulties.',
    },
    funds: {
      fr: 'Une partie des investissements productifs créateurs d’emplois, selon les appels ouverts.',
      en: 'Part of job-creating production investments, depending on open calls.',
    },
    categories: ['financing'],
    stages: ['deployment'],
    sizes: [],
    regions: 'national',
    contact: { body: 'Direction générale des Entreprises et préfectures de région', website: 'entreprises.gouv.fr' },
  },
  {
    id: 'fonds-acceleration-investissements',
    name: 'Fonds d’accélération des investissements industriels dans les territoires',
    forWhom: {
      fr: 'PME et ETI industrielles des Territoires d’industrie portant un projet d’investissement.',
      en: 'Industrial SMEs and mid-caps in Territoires d’industrie with an investment project.',
    },
    funds: {
      fr: 'Des investissements industriels (équipements, modernisation), avec l’État et la Région, selon les appels ouverts.',
      en: 'Industrial investments (equipment, modernisation), with the State and the Region, depending on open calls.',
    },
    categories: ['financing', 'process'],
    stages: ['deployment'],
    sizes: ['tpe', 'pme', 'eti'],
    regions: 'national',
    contact: { body: 'Préfecture de région et Conseil régional', website: 'entreprises.gouv.fr' },
  },
  {
    id: 'vte',
    name: 'VTE — Volontariat territorial en entreprise',
    forWhom: {
      fr: 'PME et ETI qui veulent recruter un étudiant ou un jeune diplômé sur un poste clé.',
      en: 'SMEs and mid-caps that want to hire a student or young graduate for a key role.',
    },
    funds: {
      fr: 'Une aide au recrutement d’un jeune talent pour porter un projet de transformation (industrie du futur, transition écologique…).',
      en: 'Support for hiring a young talent to lead a transformation project (industry of the future, ecological transition…).',
    },
    categories: ['technical', 'process', 'other'],
    stages: [],
    sizes: ['tpe', 'pme', 'eti'],
    regions: 'national',
    contact: { body: 'Bpifrance', website: 'vte-france.fr' },
  },
  {
    id: 'ami-industrie-du-futur',
    name: 'AMI Industrie du futur / Territoires d’industrie 4.0',
    forWhom: {
      fr: 'PME et ETI industrielles qui veulent moderniser, numériser ou robotiser leur production.',
      en: 'Industrial SMEs and mid-caps that want to modernise, digitise or automate production.',
    },
    funds: {
      fr: 'Un accompagnement (diagnostic, expertise) et une partie des premiers investissements, selon les appels à manifestation d’intérêt ouverts.',
      en: 'Support (diagnosis, expertise) and part of the first investments, depending on open calls for expressions of interest.',
    },
    categories: ['technical', 'process'],
    stages: ['diagnostic', 'experimentation'],
    sizes: ['tpe', 'pme', 'eti'],
    regions: 'national',
    contact: { body: 'Préfecture de région et Conseil régional', website: 'entreprises.gouv.fr' },
  },
  {
    id: 'pret-robotique',
    name: 'Prêt Robotique (Bpifrance)',
    forWhom: {
      fr: 'PME et ETI qui investissent dans la robotique, l’automatisation ou le numérique de production.',
      en: 'SMEs and mid-caps investing in robotics, automation or production digital tools.',
    },
    funds: {
      fr: 'Un prêt pour financer robots, cobots, automatismes et leur intégration.',
      en: 'A loan to finance robots, cobots, automation and their integration.',
    },
    categories: ['financing', 'process'],
    stages: ['experimentation', 'deployment'],
    sizes: ['pme', 'eti'],
    regions: 'national',
    contact: { body: 'Bpifrance', website: 'bpifrance.fr' },
  },
  {
    id: 'cir',
    name: 'CIR — Crédit d’impôt recherche',
    forWhom: {
      fr: 'Toute entreprise qui engage des dépenses de recherche et développement, y compris confiées à un laboratoire.',
      en: 'Any company with research and development expenses, including work contracted to a lab.',
    },
    funds: {
      fr: 'Un crédit d’impôt sur une partie des dépenses de R&D éligibles.',
      en: 'A tax credit on part of eligible R&D expenses.',
    },
    categories: ['technical', 'process', 'financing'],
    stages: ['diagnostic', 'experimentation'],
    sizes: [],
    regions: 'national',
    contact: { body: 'Ministère de l’Enseignement supérieur et de la Recherche', website: 'enseignementsup-recherche.gouv.fr' },
  },
  {
    id: 'cii',
    name: 'CII — Crédit d’impôt innovation',
    forWhom: {
      fr: 'PME qui conçoivent des prototypes ou des installations pilotes de produits nouveaux.',
      en: 'SMEs designing prototypes or pilot installations of new products.',
    },
    funds: {
      fr: 'Un crédit d’impôt sur une partie des dépenses d’innovation éligibles.',
      en: 'A tax credit on part of eligible innovation expenses.',
    },
    categories: ['technical', 'process', 'financing'],
    stages: ['experimentation'],
    sizes: ['tpe', 'pme'],
    regions: 'national',
    contact: { body: 'Direction générale des Finances publiques', website: 'impots.gouv.fr' },
  },
  {
    id: 'diagnostic-region-pays-de-la-loire',
    name: 'Diagnostic co-financé par la Région Pays de la Loire',
    forWhom: {
      fr: 'TPE, PME et ETI industrielles des Pays de la Loire.',
      en: 'Industrial micro, small and mid-sized companies in Pays de la Loire.',
    },
    funds: {
      fr: 'Une partie du coût d’un diagnostic par un expert (industrie du futur, numérique, énergie), selon les dispositifs régionaux ouverts.',
      en: 'Part of the cost of an expert diagnosis (industry of the future, digital, energy), depending on open regional schemes.',
    },
    categories: ['technical', 'process', 'other'],
    stages: ['diagnostic'],
    sizes: ['tpe', 'pme', 'eti'],
    regions: ['52'],
    contact: { body: 'Conseil régional des Pays de la Loire', website: 'paysdelaloire.fr' },
  },
  {
    id: 'diagnostic-region-occitanie',
    name: 'Diagnostic co-financé par la Région Occitanie',
    forWhom: {
      fr: 'TPE, PME et ETI industrielles d’Occitanie.',
      en: 'Industrial micro, small and mid-sized companies in Occitanie.',
    },
    funds: {
      fr: 'Une partie du coût d’un diagnostic par un expert (industrie du futur, numérique, énergie), selon les dispositifs régionaux ouverts.',
      en: 'Part of the cost of an expert diagnosis (industry of the future, digital, energy), depending on open regional schemes.',
    },
    categories: ['technical', 'process', 'other'],
    stages: ['diagnostic'],
    sizes: ['tpe', 'pme', 'eti'],
    regions: ['76'],
    contact: { body: 'Région Occitanie', website: 'laregion.fr' },
  },
  {
    id: 'diagnostic-region-bourgogne-franche-comte',
    name: 'Diagnostic co-financé par la Région Bourgogne-Franche-Comté',
    forWhom: {
      fr: 'TPE, PME et ETI industrielles de Bourgogne-Franche-Comté.',
      en: 'Industrial micro, small and mid-sized companies in Bourgogne-Franche-Comté.',
    },
    funds: {
      fr: 'Une partie du coût d’un diagnostic par un expert (industrie du futur, numérique, énergie), selon les dispositifs régionaux ouverts.',
      en: 'Part of the cost of an expert diagnosis (industry of the future, digital, energy), depending on open regional schemes.',
    },
    categories: ['technical', 'process', 'other'],
    stages: ['diagnostic'],
    sizes: ['tpe', 'pme', 'eti'],
    regions: ['27'],
    contact: { body: 'Région Bourgogne-Franche-Comté', website: 'bourgognefranchecomte.fr' },
  },
  {
    id: 'satt-maturation',
    name: 'Maturation SATT',
    forWhom: {
      fr: 'Entreprises qui veulent exploiter une technologie issue d’un laboratoire public, et les laboratoires qui la développent.',
      en: 'Companies that want to use a technology from a public lab, and the labs developing it.',
    },
    funds: {
      fr: 'La maturation de résultats de recherche jusqu’à une preuve de concept, puis leur transfert (licence, partenariat).',
      en: 'Maturing research results up to a proof of concept, then their transfer (licence, partnership).',
    },
    categories: ['technical'],
    stages: ['diagnostic', 'experimentation'],
    sizes: [],
    regions: 'national',
    contact: { body: 'Réseau des SATT (sociétés d’accélération du transfert de technologies)', website: 'satt.fr' },
  },
  {
    id: 'sites-cles-en-main',
    name: 'Sites industriels clés en main',
    forWhom: {
      fr: 'Entreprises qui cherchent à implanter ou étendre un site de production.',
      en: 'Companies looking to set up or extend a production site.',
    },
    funds: {
      fr: 'Des sites dont les procédures (urbanisme, environnement) sont anticipées, pour s’implanter plus vite.',
      en: 'Sites whose procedures (planning, environment) are prepared in advance, to set up faster.',
    },
    categories: ['other', 'financing'],
    stages: ['deployment'],
    sizes: ['pme', 'eti', 'ge'],
    regions: 'national',
    contact: { body: 'Direction générale des Entreprises et Business France', website: 'entreprises.gouv.fr' },
  },
]
