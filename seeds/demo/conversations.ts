/**
 * Fictional conversations of the demo: the project room of the Morez 3D-printing project and a
 * direct exchange between the industrialist and her territory's animator. `author` is an index
 * into `people`; `minutesAgo` places the message in time.
 */
export type DemoConversation = {
  key: string
  kind: 'project' | 'direct'
  /** For a project room: the demo need whose project it is. */
  needKey?: string
  people: string[]
  messages: Array<{ author: number; minutesAgo: number; body: string }>
}

export const demoConversations: DemoConversation[] = [
  {
    key: 'room-morez-montures-3d',
    kind: 'project',
    needKey: 'morez-montures-3d',
    people: ['industriel@demo.passerelle.fr', 'chercheur@demo.passerelle.fr', 'animateur@demo.passerelle.fr'],
    messages: [
      { author: 0, minutesAgo: 7 * 24 * 60, body: 'Bonjour à tous, ravie de démarrer ce projet ! Je vous envoie la liste des **trois modèles** de branches à tester.' },
      { author: 1, minutesAgo: 7 * 24 * 60 - 45, body: 'Merci Claire. Nous proposons de commencer par :\n- la stéréolithographie pour les formes,\n- la fusion laser pour les charnières titane.' },
      { author: 2, minutesAgo: 6 * 24 * 60, body: 'Bonjour, je suis ce projet pour le Territoire d’industrie Haut-Jura. Pensez au diagnostic cofinancé par la Région pour la phase 2.' },
      { author: 0, minutesAgo: 3 * 24 * 60, body: 'Bonne idée, merci Sophie. Hugo, pouvez-vous nous dire quand les premiers prototypes seront prêts ?' },
      { author: 1, minutesAgo: 2 * 24 * 60, body: 'Premiers essais imprimés cette semaine ; la campagne de fatigue démarre lundi. Je partagerai les résultats ici.' },
      { author: 0, minutesAgo: 90, body: 'Parfait. Réunion de point jeudi à 10 h à Morez ?' },
    ],
  },
  {
    key: 'direct-industriel-animateur',
    kind: 'direct',
    people: ['industriel@demo.passerelle.fr', 'animateur@demo.passerelle.fr'],
    messages: [
      { author: 1, minutesAgo: 20 * 24 * 60, body: 'Bonjour Claire, avez-vous vu l’appel à manifestation d’intérêt **Industrie du futur** ? Il pourrait financer votre projet d’impression 3D.' },
      { author: 0, minutesAgo: 20 * 24 * 60 - 30, body: 'Merci, je regarde ! Qui faut-il contacter à la Région ?' },
      { author: 1, minutesAgo: 19 * 24 * 60, body: 'Je vous mets en relation avec le chargé de mission, je lui transmets votre besoin.' },
    ],
  },
]
