/** Strings of the platform administration (French reference). */
const admin = {
  nav: 'Administration',
  mails: {
    title: 'E-mails en difficulté',
    lead: 'Les e-mails que le serveur SMTP a refusés, ou qui attendent encore après trois tentatives. Ils sont réessayés d’eux-mêmes pendant environ un jour.',
    empty: 'Aucun e-mail en difficulté.',
    caption: 'E-mails refusés ou en attente, les plus récents d’abord',
    to: 'Destinataire',
    subject: 'Objet',
    status: 'État',
    attempts: 'Tentatives',
    error: 'Dernière erreur',
    failed: 'Abandonné',
    retrying: 'Nouvel essai le {{date}}',
  },
  animators: {
    title: 'Animateurs',
    lead: 'Nommez les animateurs de cluster, de pôle ou de Territoire d’industrie : ils modèrent leur espace et orientent les besoins.',
    current: 'Animateurs en fonction',
    empty: 'Aucun animateur pour le moment.',
    territories: 'Territoires d’industrie',
    organisations: 'Clusters et pôles',
    none: 'aucun',
    appointTitle: 'Nommer un animateur',
    appointHint: 'La personne doit déjà avoir un compte. Elle garde ses organisations ; son rôle devient « animateur ».',
    email: 'Adresse e-mail du compte',
    appoint: 'Nommer',
    revoke: 'Retirer le rôle d’animateur de {{name}}',
    appointed: 'Le rôle d’animateur est attribué et son périmètre enregistré.',
    revoked: 'Le rôle d’animateur est retiré ; la personne retrouve son rôle précédent.',
    errors: {
      emailRequired: 'Indiquez l’adresse e-mail d’un compte existant.',
      unknownEmail: 'Aucun compte n’utilise cette adresse.',
      isAdmin: 'Un administrateur a déjà tous les droits d’animation.',
      unknownScope: 'Ce périmètre n’existe pas.',
      scopeRequired: 'Choisissez au moins un territoire, un cluster ou un pôle.',
      notAnimator: 'Cette personne n’est pas animatrice.',
    },
  },
}

export default admin
