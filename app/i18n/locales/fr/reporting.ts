/** Strings of reporting and appeals, which every signed-in person may use: report a need or a member, contest a moderation decision (French reference). */
const reporting = {
  report: {
    title: 'Signaler',
    need: 'Signaler ce besoin',
    user: 'Signaler ce profil',
    reason: 'Que se passe-t-il ?',
    submit: 'Envoyer le signalement',
    sent: 'Merci : les animateurs vont examiner votre signalement.',
  },
  appeal: {
    title: 'Contenus masqués',
    lead: 'Ce que les animateurs ont masqué parmi vos contenus, et pourquoi. Vous pouvez contester chaque masquage une fois.',
    empty: 'Aucun de vos contenus n’est masqué.',
    kind: { need: 'Besoin', user: 'Votre profil' },
    hiddenOn: 'Masqué le {{date}}',
    reason: 'Motif : {{reason}}',
    text: 'Votre contestation',
    submit: 'Contester',
    sent: 'Votre contestation est envoyée aux animateurs.',
    appealed: 'Contestation envoyée le {{date}}.',
    decision: { lifted: 'Contestation acceptée : le contenu est de nouveau visible.', upheld: 'Contestation rejetée : le contenu reste masqué.' },
  },
}

export default reporting
