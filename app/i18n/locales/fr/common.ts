/** French is the reference language: every other locale must have exactly these keys. */
const common = {
  meta: {
    title: 'Passerelle — recherche et industrie dans les Territoires d’industrie',
    description:
      'Passerelle met en relation les PME industrielles avec les laboratoires, centres techniques, clusters et pôles de compétitivité de leur territoire.',
  },
  layout: {
    skipToContent: 'Aller au contenu',
    homeLink: 'Passerelle, accueil',
    tagline: 'Recherche ⇄ industrie',
    mainNav: 'Navigation principale',
    nav: { home: 'Accueil', howItWorks: 'Comment ça marche', domains: 'Domaines', signIn: 'Se connecter', signUp: 'Créer un compte', signOut: 'Se déconnecter', account: 'Mon compte ({{name}})', organisations: 'Organisations', needs: 'Besoins', search: 'Rechercher', messages: 'Messages', animation: 'Animation', postNeed: 'Déposer un besoin', myNeeds: 'Mes besoins', myProposals: 'Mes propositions' },
    menu: 'Menu',
    accountMenu: {
      button: 'Mon compte',
      label: 'Mon compte',
      signedInAs: 'Connecté en tant que {{name}}',
      account: 'Profil et préférences',
      needs: 'Besoins publiés',
      organisations: 'Annuaire des organisations',
      data: 'Mes données',
    },
    pageTitles: { need: 'Besoin', organisation: 'Organisation', member: 'Profil', conversation: 'Conversation', project: 'Projet' },
    footer: {
      about: 'Passerelle, la plateforme d’échange entre recherche et industrie des Territoires d’industrie.',
      demoNotice: 'Les entreprises et personnes des données de démonstration sont fictives.',
    },
  },
  language: {
    label: 'Langue',
    switchTo: 'Passer en {{language}}',
    names: { fr: 'Français', en: 'English' },
    changed: 'La langue de l’interface est maintenant : {{language}}.',
  },
  home: {
    eyebrow: 'Territoires d’industrie',
    title: 'Votre besoin industriel, les bons experts de la recherche',
    lead: 'Déposez un besoin technique en quelques minutes : laboratoires, centres techniques, clusters et pôles de compétitivité de votre territoire vous répondent, échangent avec vous en direct et lancent le projet avec vous.',
    personasTitle: 'Pour qui ?',
    personas: {
      industrialist: { title: 'Industriel, PME ou ETI', text: 'Décrivez votre besoin (impression 3D, IA, automatisation…), recevez des propositions, choisissez la meilleure.', cta: 'Déposer un besoin' },
      researcher: { title: 'Chercheur ou centre technique', text: 'Faites connaître vos compétences, vos équipements et votre TRL, et répondez aux besoins des entreprises proches.', cta: 'Voir les besoins publiés' },
      animator: { title: 'Animateur de cluster, de pôle ou de territoire', text: 'Modérez votre espace, orientez les besoins vers les bons experts et suivez les délais de réponse.', cta: 'Rechercher des partenaires' },
    },
    stepsTitle: 'Comment ça marche',
    steps: {
      post: { title: 'Déposez votre besoin', text: 'Un titre, un résumé, un domaine et votre commune : une première version prend moins de deux minutes.' },
      receive: { title: 'Recevez des propositions', text: 'Les laboratoires et centres techniques proposent une approche, une équipe, une durée et un coût.' },
      collaborate: { title: 'Lancez le projet', text: 'Vous acceptez une proposition : un espace projet s’ouvre pour échanger en direct et suivre les jalons.' },
    },
    confidentialityTitle: 'Vous gardez la main sur ce que vous montrez',
    confidentiality: 'Résumé public, détails réservés aux membres connectés, ou entreprise anonymisée : vous choisissez pour chaque besoin.',
    trlButton: 'Qu’est-ce qu’un TRL ?',
    trlDialogTitle: 'Le TRL, niveau de maturité technologique',
    trlDialogText:
      'Le TRL (Technology Readiness Level) mesure la maturité d’une technologie sur une échelle de 1 (principe observé) à 9 (système éprouvé en production). Passerelle rapproche le TRL visé par votre besoin de celui auquel travaille chaque laboratoire ou centre.',
    domainsTitle: 'Domaines technologiques',
    domainsLead: 'Les besoins et les profils sont classés selon une taxonomie commune.',
    territoriesTitle: 'Des territoires déjà engagés',
  },
  ui: {
    close: 'Fermer',
    dismiss: 'Masquer la notification',
    loading: 'Chargement…',
    notifications: 'Notifications',
    fieldRequired: 'obligatoire',
  },
  errors: {
    title: 'Une erreur est survenue',
    notFoundTitle: 'Page introuvable',
    notFound: 'Cette page n’existe pas ou n’existe plus.',
    forbiddenTitle: 'Accès refusé',
    forbidden: 'Vous n’avez pas accès à cette page.',
    badRequestTitle: 'Demande invalide',
    badRequest: 'Cette adresse ou ce formulaire contient une valeur que nous ne pouvons pas traiter. Revenez en arrière et vérifiez ce que vous avez saisi.',
    conflictTitle: 'Action impossible pour le moment',
    conflict: 'L’état de cet élément a changé entre-temps (quelqu’un d’autre l’a peut-être modifié). Rechargez la page pour voir sa situation actuelle.',
    tooManyTitle: 'Trop de requêtes',
    tooMany: 'Vous avez fait beaucoup de demandes en peu de temps. Patientez une minute puis réessayez.',
    unavailableTitle: 'Service momentanément indisponible',
    unavailable: 'Passerelle ne parvient pas à joindre sa base de données pour le moment. Rien de ce que vous avez enregistré n’est perdu : réessayez dans quelques secondes.',
    generic: 'Quelque chose s’est mal passé de notre côté. Réessayez dans un instant ; si le problème continue, signalez-le avec la référence ci-dessous.',
    reference: 'Référence : {{requestId}}',
    backHome: 'Revenir à l’accueil',
    /** A service's refusal that names no reason of its own (sockets show it; pages show the status page). */
    refusal: { forbidden: 'Vous n’avez pas le droit de faire cela.', notFound: 'Introuvable.' },
    /** Answers of the HTTP layer (server/http), before any page is rendered. */
    http: {
      hostNotAllowed: 'Cette adresse ne mène pas à Passerelle. Ouvrez le site par son adresse habituelle.',
      crossOrigin: 'Ce formulaire vient d’un autre site : par sécurité, il n’a pas été traité. Revenez sur Passerelle et recommencez.',
      tooLarge: 'Requête trop volumineuse (1 Mo au plus).',
      lengthRequired: 'Requête refusée : sa taille doit être annoncée (en-tête Content-Length).',
      tooMany: 'Trop de requêtes : merci de patienter une minute avant de réessayer.',
      badAddress: 'Cette adresse n’est pas valide. Vérifiez-la ou revenez à l’accueil.',
    },
  },
}

export default common

