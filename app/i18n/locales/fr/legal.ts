/**
 * Legal and trust pages. Each page is a list of sections; a body is paragraphs separated by a
 * blank line, and lines starting with "- " form a list (app/ui/legal-page.tsx renders them).
 * An operator deploying Passerelle adapts the publisher and host paragraphs to their own.
 */
export default {
  updated: 'Mise à jour : {{date}}',
  legalNotice: {
    title: 'Mentions légales',
    lead: 'Qui publie Passerelle, qui l’héberge, et à qui s’adresser.',
    sections: {
      publisher: {
        heading: 'Éditeur',
        body: 'Passerelle est une plateforme de mise en relation entre les entreprises industrielles des Territoires d’industrie et les acteurs de la recherche et de l’innovation (laboratoires, centres techniques, clusters, pôles de compétitivité).\n\nCette instance est publiée par l’équipe Passerelle. L’organisme qui exploite une instance en production indique ici sa raison sociale, son adresse, son numéro SIREN et le nom du directeur de la publication.',
      },
      host: {
        heading: 'Hébergement',
        body: 'Les données sont hébergées en France, sur les serveurs de l’exploitant de l’instance. Aucune donnée n’est confiée à un service tiers : pas de police de caractères, de carte ni de mesure d’audience hébergées ailleurs.',
      },
      contact: {
        heading: 'Contact',
        body: 'Pour toute question sur le site, écrivez à l’équipe depuis la page « Aide et contact ». Pour signaler un contenu illicite, utilisez le bouton « Signaler » présent sur chaque besoin, profil et message : l’équipe de modération le traite.',
      },
      property: {
        heading: 'Propriété intellectuelle',
        body: 'Les besoins, propositions, messages et fichiers restent la propriété de ceux qui les publient. En publiant, vous autorisez Passerelle à les afficher aux personnes autorisées selon le niveau de confidentialité que vous avez choisi, et pour rien d’autre.',
      },
    },
  },
  privacy: {
    title: 'Confidentialité et données personnelles',
    lead: 'Ce que Passerelle enregistre, pourquoi, combien de temps, et qui le voit.',
    sections: {
      controller: {
        heading: 'Responsable du traitement',
        body: 'L’exploitant de l’instance (voir les mentions légales) est responsable du traitement de vos données personnelles, au sens du règlement général sur la protection des données (RGPD).',
      },
      data: {
        heading: 'Ce que nous enregistrons',
        body: '- Votre compte : nom, adresse e-mail, fonction, langue, rôle (industriel, chercheur, animateur), l’empreinte de votre mot de passe (jamais le mot de passe lui-même), la date d’acceptation de chaque version des conditions d’utilisation.\n- Vos organisations : les entreprises, laboratoires ou structures dont vous êtes membre, et votre rôle dans chacune.\n- Ce que vous publiez : besoins, propositions, messages, fichiers joints, signalements.\n- Des données techniques : vos sessions (navigateur utilisé, date), les tentatives de connexion (pour bloquer les attaques), et les journaux du serveur.',
      },
      purposes: {
        heading: 'Pourquoi',
        body: 'Uniquement pour faire fonctionner le service que vous utilisez : publier des besoins, y répondre, échanger et conduire des projets (exécution des conditions d’utilisation), et protéger les comptes contre les abus (intérêt légitime). Aucune publicité, aucune revente, aucun profilage commercial, aucun cookie de mesure d’audience.',
      },
      retention: {
        heading: 'Combien de temps',
        body: '- Le compte : tant que vous le gardez. Vous pouvez le supprimer à tout moment depuis « Mon compte ».\n- Les sessions : 30 jours au plus ; les liens envoyés par e-mail : 1 heure (mot de passe) à 48 heures (vérification de l’adresse).\n- Les tentatives de connexion : 1 heure ; le navigateur reconnu : 1 an.\n- Les besoins et propositions : tant que l’organisation qui les a publiés existe ; ils appartiennent à l’organisation, pas à la personne.\n- Les messages : tant que la conversation existe. Si vous supprimez votre compte, vos messages restent visibles des autres participants, signés « Compte supprimé ».',
      },
      confidentiality: {
        heading: 'Qui voit quoi',
        body: 'Chaque besoin a un niveau de confidentialité choisi par l’entreprise :\n- « Public » : tout le monde voit le besoin en entier.\n- « Détails réservés aux membres connectés » : tout le monde voit le titre et le résumé ; la description, le TRL, le budget, l’échéance et la commune ne sont montrés qu’aux personnes connectées.\n- « Entreprise anonymisée » : comme ci-dessus, et le nom de l’entreprise n’est visible que de ses membres, des animateurs de son territoire ou de ses clusters, et des membres du projet qui en est issu.\n\nLes brouillons ne sont visibles que des membres de l’entreprise ; un besoin en attente de validation, aussi des animateurs chargés de le relire. Ces règles s’appliquent partout : pages, résultats de recherche, notifications et e-mails. Les messages d’une conversation ne sont visibles que de ses participants et, en cas de signalement, des modérateurs.',
      },
      cookies: {
        heading: 'Cookies',
        body: 'Passerelle n’utilise que des cookies nécessaires au service, sans bandeau de consentement puisqu’aucun ne sert à vous suivre :\n- passerelle_session : vous garder connecté (30 jours au plus) ;\n- lang : la langue choisie ;\n- toast : un message de confirmation, effacé aussitôt lu ;\n- passerelle_device : reconnaître un navigateur où vous vous êtes déjà connecté, pour ne pas vous bloquer lors d’une attaque sur votre compte (1 an) ;\n- passerelle_route : sur une installation à plusieurs serveurs, garder votre navigateur sur le même serveur (session).',
      },
      rights: {
        heading: 'Vos droits',
        body: 'Vous pouvez consulter et corriger vos informations dans « Mon compte », télécharger toutes vos données (fichier JSON) et supprimer votre compte depuis « Mon compte › Mes données ». Pour toute autre demande (opposition, limitation), écrivez-nous depuis la page « Aide et contact ». Si vous estimez que vos droits ne sont pas respectés, vous pouvez saisir la CNIL (www.cnil.fr).',
      },
    },
  },
  terms: {
    title: 'Conditions d’utilisation',
    lead: 'Les règles communes à toutes les personnes qui utilisent Passerelle.',
    version: 'Version du {{date}}',
    sections: {
      purpose: {
        heading: 'Objet',
        body: 'Passerelle met en relation des entreprises industrielles qui expriment des besoins techniques et des structures de recherche et d’innovation qui y répondent, sous l’œil des animateurs des territoires, clusters et pôles. Ces conditions s’appliquent à toute personne inscrite.',
      },
      account: {
        heading: 'Votre compte',
        body: 'Vous vous inscrivez sous votre vrai nom, avec une adresse e-mail que vous consultez. Vous gardez votre mot de passe pour vous. Vous ne rejoignez une organisation que si vous en faites partie.',
      },
      content: {
        heading: 'Ce que vous publiez',
        body: 'Vous publiez des besoins et des propositions sincères, au nom d’une organisation que vous représentez. Sont interdits : les contenus illicites, diffamatoires ou publicitaires sans rapport avec un besoin, la collecte des coordonnées d’autres membres, et la divulgation hors de Passerelle d’informations reçues sous un niveau de confidentialité.',
      },
      moderation: {
        heading: 'Modération',
        body: 'Les animateurs et modérateurs peuvent masquer un contenu, avertir ou suspendre un compte qui ne respecte pas ces règles. Chaque décision est motivée, vous en êtes informé, et vous pouvez la contester depuis la page de signalement.',
      },
      liability: {
        heading: 'Responsabilité',
        body: 'Passerelle met des personnes en relation ; les accords, devis et contrats conclus ensuite engagent seulement les organisations qui les signent. Le service est fourni en l’état ; l’équipe fait de son mieux pour qu’il soit disponible et qu’aucun message confirmé ne soit perdu.',
      },
      changes: {
        heading: 'Modifications',
        body: 'Quand ces conditions changent, la nouvelle version vous est présentée à votre prochaine visite et vous devez l’accepter pour continuer. En attendant, vous pouvez toujours télécharger vos données ou supprimer votre compte.',
      },
      law: {
        heading: 'Droit applicable',
        body: 'Ces conditions sont soumises au droit français.',
      },
    },
    accept: {
      heading: 'Les conditions d’utilisation ont changé',
      body: 'Pour continuer à utiliser Passerelle, lisez la nouvelle version ci-dessous et acceptez-la.',
      submit: 'J’accepte les conditions d’utilisation',
      accepted: 'Merci : vous avez accepté les conditions d’utilisation du {{date}}.',
      acceptedOn: 'Vous avez accepté cette version le {{date}}.',
    },
  },
  accessibility: {
    title: 'Déclaration d’accessibilité',
    lead: 'Passerelle s’engage à rendre son service accessible, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.',
    sections: {
      status: {
        heading: 'État de conformité',
        body: 'Passerelle est partiellement conforme au référentiel général d’amélioration de l’accessibilité (RGAA 4.1) : aucun audit complet n’a encore été réalisé par un organisme indépendant.',
      },
      tests: {
        heading: 'Ce qui est vérifié',
        body: '- Chaque page des parcours principaux est contrôlée automatiquement (axe-core) à chaque modification du code : aucune erreur n’est tolérée.\n- Les parcours se font au clavier seul ; un lien d’évitement mène au contenu ; le focus reste visible.\n- Les formulaires associent chaque champ à son libellé et à ses erreurs ; les graphiques ont un tableau de données équivalent.\n- Le site fonctionne sans JavaScript pour la consultation et les formulaires principaux.',
      },
      known: {
        heading: 'Contenus non accessibles connus',
        body: '- Les fichiers joints par les membres (PDF, plans CAO) ne sont pas vérifiés : demandez une version accessible à leur auteur.\n- La messagerie en temps réel annonce les nouveaux messages aux lecteurs d’écran, mais n’a pas encore été testée avec tous les lecteurs d’écran du marché.',
      },
      feedback: {
        heading: 'Signaler un défaut',
        body: 'Si vous ne pouvez pas accéder à un contenu ou à un service, écrivez-nous depuis la page « Aide et contact » : nous vous répondrons et vous fournirons l’information sous une autre forme.',
      },
      remedies: {
        heading: 'Voies de recours',
        body: 'Si vous nous avez signalé un défaut d’accessibilité sans obtenir de réponse satisfaisante, vous pouvez saisir le Défenseur des droits (www.defenseurdesdroits.fr), par son formulaire en ligne, par un de ses délégués en région, ou par courrier gratuit : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
      },
    },
  },
  contact: {
    title: 'Aide et contact',
    lead: 'Trouver la bonne personne pour votre question.',
    writeTo: 'Écrire à l’équipe :',
    sections: {
      need: {
        heading: 'Vous avez un besoin technique',
        body: 'Déposez-le depuis « Déposer un besoin » : un animateur de votre territoire le relit, puis les laboratoires, centres techniques et pôles concernés peuvent vous répondre. Vous choisissez ce qui reste confidentiel.',
      },
      answer: {
        heading: 'Vous voulez répondre à des besoins',
        body: 'Créez ou rejoignez le profil de votre laboratoire, centre technique, cluster ou pôle, avec vos domaines et vos équipements : la recherche vous propose alors les besoins qui vous correspondent.',
      },
      animators: {
        heading: 'Les animateurs de votre territoire',
        body: 'Chaque Territoire d’industrie, cluster et pôle a ses animateurs : ils orientent les demandes, relisent les besoins et modèrent les échanges. Leur nom apparaît sur les besoins qu’ils ont relus.',
      },
      team: {
        heading: 'Écrire à l’équipe',
        body: 'Pour une question sur votre compte, vos données personnelles, l’accessibilité ou un problème technique, écrivez à l’adresse de l’exploitant de l’instance ; pour un contenu qui pose problème, utilisez plutôt « Signaler », qui prévient directement les modérateurs.',
      },
    },
  },
  myData: {
    title: 'Mes données',
    lead: 'Télécharger tout ce que Passerelle sait de vous, ou supprimer votre compte.',
    exportHeading: 'Télécharger mes données',
    exportBody: 'Un fichier JSON avec votre compte, vos organisations, vos besoins et propositions, vos messages, vos notifications, vos demandes aux guichets des territoires, vos inscriptions aux rencontres, vos sessions et vos acceptations des conditions d’utilisation.',
    exportLink: 'Télécharger mes données (JSON)',
    deleteHeading: 'Supprimer mon compte',
    deleteWhat: 'Ce qui se passe, en une seule opération :',
    deleteList:
      '- Votre nom, votre adresse e-mail, votre fonction et votre mot de passe sont effacés ; vous êtes déconnecté partout.\n- Vous quittez vos organisations ; vos notifications, vos invitations et vos demandes en attente sont supprimées.\n- Dans les conversations et les projets, votre nom devient « Compte supprimé » : vos messages restent visibles des autres participants, pour que leurs échanges gardent leur sens.\n- Vos inscriptions aux rencontres à venir sont annulées (votre place revient à la liste d’attente) ; vos demandes aux guichets restent dans le suivi du territoire, sans votre nom ni votre adresse.\n- Les besoins et propositions que vous avez publiés appartiennent à votre organisation : ils restent, sans votre nom.\n- Cette opération est définitive.',
    lastOwner: 'Vous êtes le seul propriétaire de {{names}}. Nommez d’abord un autre propriétaire (page « Membres » de l’organisation), puis revenez ici.',
    confirmLabel: 'Pour confirmer, saisissez votre adresse e-mail',
    confirmHint: 'L’adresse de votre compte : {{email}}',
    submit: 'Supprimer définitivement mon compte',
    deleted: 'Votre compte a été supprimé. Merci d’avoir utilisé Passerelle.',
    confirmMismatch: 'Saisissez exactement l’adresse e-mail de votre compte pour confirmer.',
    accountLink: 'Mes données : télécharger ou supprimer mon compte',
  },
}
