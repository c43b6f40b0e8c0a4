/**
 * Requests waiting in the guichet of the two main demo territories (fictional people and
 * companies). `requester` is a demo account's e-mail (signed-in request) or a guest's details.
 */
export type DemoGuichetRequest = {
  territory: string
  subject: string
  message: string
  commune?: string
  requester: { account: string } | { name: string; email: string; company: string }
  daysAgo: number
}

export const demoGuichetRequests: DemoGuichetRequest[] = [
  {
    territory: 'haut-jura',
    subject: 'Contrôle visuel des montures en sortie de polissage',
    message:
      'Nous perdons du temps à contrôler à l’œil chaque monture après polissage. Existe-t-il un laboratoire ou un centre technique qui pourrait tester une caméra et un peu d’IA sur notre ligne ? Et quelles aides pour financer un premier essai ?',
    commune: 'Morez',
    requester: { account: 'industriel@demo.passerelle.fr' },
    daysAgo: 2,
  },
  {
    territory: 'haut-jura',
    subject: 'Recyclage des chutes d’acétate',
    message: 'Petite entreprise de lunetterie, nous jetons nos chutes d’acétate de cellulose. Qui pourrait nous aider à les valoriser ?',
    commune: 'Saint-Claude',
    requester: { name: 'Mathilde Jacquet', email: 'mathilde.jacquet@exemple.test', company: 'Atelier Jacquet (fictif)' },
    daysAgo: 1,
  },
  {
    territory: 'gers-tarn-et-garonne',
    subject: 'Séchage des fruits : réduire la facture énergétique',
    message: 'Notre séchoir à pruneaux consomme beaucoup de gaz. Nous cherchons un diagnostic énergétique et des pistes de récupération de chaleur.',
    commune: 'Montauban',
    requester: { name: 'Lucas Dupré', email: 'lucas.dupre@exemple.test', company: 'Vergers du Quercy (fictif)' },
    daysAgo: 3,
  },
  {
    territory: 'gers-tarn-et-garonne',
    subject: 'Cadre de vélo en composite : trouver un partenaire',
    message: 'Nous voulons prototyper un cadre en composite biosourcé. Quel laboratoire ou centre technique de la région travaille sur ces matériaux ?',
    requester: { name: 'Inès Carrère', email: 'ines.carrere@exemple.test', company: 'Cycles Carrère (fictif)' },
    daysAgo: 5,
  },
]
