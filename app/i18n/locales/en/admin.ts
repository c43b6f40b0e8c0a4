import type adminFr from '../fr/admin'
import type { SameShape } from '../shape'

const admin: SameShape<typeof adminFr> = {
  nav: 'Administration',
  mails: {
    title: 'E-mails in trouble',
    lead: 'E-mails the SMTP server refused, or still waiting after three attempts. They are retried on their own for about a day.',
    empty: 'No e-mail in trouble.',
    caption: 'Refused or waiting e-mails, newest first',
    to: 'Recipient',
    subject: 'Subject',
    status: 'Status',
    attempts: 'Attempts',
    error: 'Last error',
    failed: 'Given up',
    retrying: 'Next attempt on {{date}}',
  },
  animators: {
    title: 'Animators',
    lead: 'Appoint cluster, pôle or Territoire d’industrie animators: they moderate their space and route needs.',
    current: 'Current animators',
    empty: 'No animator yet.',
    territories: 'Territoires d’industrie',
    organisations: 'Clusters and pôles',
    none: 'none',
    appointTitle: 'Appoint an animator',
    appointHint: 'The person must already have an account. They keep their organisations; their role becomes “animator”.',
    email: 'E-mail address of the account',
    appoint: 'Appoint',
    revoke: 'Remove {{name}}’s animator role',
    appointed: 'The animator role is granted and its scope saved.',
    revoked: 'The animator role is removed; the person gets their previous role back.',
    errors: {
      emailRequired: 'Enter the e-mail address of an existing account.',
      unknownEmail: 'No account uses this address.',
      isAdmin: 'An administrator already has every animation right.',
      unknownScope: 'This scope does not exist.',
      scopeRequired: 'Choose at least one territory, cluster or pôle.',
      notAnimator: 'This person is not an animator.',
    },
  },
}

export default admin
