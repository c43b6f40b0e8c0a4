import type fr from '../fr/legal'
import type { SameShape } from '../shape'

const legal: SameShape<typeof fr> = {
  updated: 'Updated: {{date}}',
  legalNotice: {
    title: 'Legal notice',
    lead: 'Who publishes Passerelle, who hosts it, and whom to contact.',
    sections: {
      publisher: {
        heading: 'Publisher',
        body: 'Passerelle connects the industrial companies of the Territoires d’industrie with research and innovation bodies (laboratories, technology centres, clusters, competitiveness clusters).\n\nThis instance is published by the Passerelle team. The organisation running an instance in production states here its company name, address, SIREN number and the name of the publication director.',
      },
      host: {
        heading: 'Hosting',
        body: 'Data is hosted in France, on the servers of the instance’s operator. No data is handed to a third-party service: no fonts, maps or audience measurement hosted elsewhere.',
      },
      contact: {
        heading: 'Contact',
        body: 'For any question about the site, write to the team from the “Help and contact” page. To report unlawful content, use the “Report” button on every need, profile and message: the moderation team handles it.',
      },
      property: {
        heading: 'Intellectual property',
        body: 'Needs, proposals, messages and files remain the property of those who publish them. By publishing, you allow Passerelle to show them to the people allowed by the confidentiality level you chose, and for nothing else.',
      },
    },
  },
  privacy: {
    title: 'Privacy and personal data',
    lead: 'What Passerelle stores, why, for how long, and who sees it.',
    sections: {
      controller: {
        heading: 'Data controller',
        body: 'The operator of the instance (see the legal notice) is the controller of your personal data, within the meaning of the General Data Protection Regulation (GDPR).',
      },
      data: {
        heading: 'What we store',
        body: '- Your account: name, e-mail address, job title, language, role (industrialist, researcher, animator), a hash of your password (never the password itself), the date you accepted each version of the terms of use.\n- Your organisations: the companies, laboratories or bodies you belong to, and your role in each.\n- What you publish: needs, proposals, messages, attached files, reports.\n- Technical data: your sessions (browser used, date), sign-in attempts (to stop attacks), and server logs.',
      },
      purposes: {
        heading: 'Why',
        body: 'Only to run the service you use: posting needs, answering them, talking and running projects (performance of the terms of use), and protecting accounts against abuse (legitimate interest). No advertising, no resale, no commercial profiling, no audience-measurement cookie.',
      },
      retention: {
        heading: 'For how long',
        body: '- Your account: as long as you keep it. You can delete it at any time from “My account”.\n- Sessions: 30 days at most; links sent by e-mail: 1 hour (password) to 48 hours (address verification).\n- Sign-in attempts: 1 hour; a recognised browser: 1 year.\n- Needs and proposals: as long as the organisation that published them exists; they belong to the organisation, not to the person.\n- Messages: as long as the conversation exists. If you delete your account, your messages stay visible to the other participants, signed “Deleted account”.',
      },
      confidentiality: {
        heading: 'Who sees what',
        body: 'Each need has a confidentiality level chosen by the company:\n- “Public”: everyone sees the whole need.\n- “Details for signed-in members”: everyone sees the title and summary; the description, TRL, budget, deadline and commune are only shown to signed-in people.\n- “Anonymous company”: as above, and the company’s name is only visible to its members, the animators of its territory or clusters, and the members of the project that came out of it.\n\nDrafts are only visible to the company’s members; a need awaiting review, also to the animators who review it. These rules apply everywhere: pages, search results, notifications and e-mails. A conversation’s messages are only visible to its participants and, when reported, to the moderators.',
      },
      cookies: {
        heading: 'Cookies',
        body: 'Passerelle only uses cookies the service needs, with no consent banner since none is used to track you:\n- passerelle_session: keeps you signed in (30 days at most);\n- lang: the language you chose;\n- toast: a confirmation message, deleted once read;\n- passerelle_device: recognises a browser where you already signed in, so that an attack on your account does not lock you out (1 year);\n- passerelle_route: on an installation with several servers, keeps your browser on the same server (session).',
      },
      rights: {
        heading: 'Your rights',
        body: 'You can read and correct your information in “My account”, download all your data (a JSON file) and delete your account from “My account › My data”. For any other request (objection, restriction), write to us from the “Help and contact” page. If you believe your rights are not respected, you can complain to the CNIL (www.cnil.fr).',
      },
    },
  },
  terms: {
    title: 'Terms of use',
    lead: 'The rules shared by everyone who uses Passerelle.',
    version: 'Version of {{date}}',
    sections: {
      purpose: {
        heading: 'Purpose',
        body: 'Passerelle connects industrial companies that express technical needs with research and innovation bodies that answer them, with the animators of territories, clusters and competitiveness clusters watching over. These terms apply to everyone who signs up.',
      },
      account: {
        heading: 'Your account',
        body: 'You sign up under your real name, with an e-mail address you read. You keep your password to yourself. You only join an organisation you belong to.',
      },
      content: {
        heading: 'What you publish',
        body: 'You publish genuine needs and proposals, on behalf of an organisation you represent. Forbidden: unlawful, defamatory content or advertising unrelated to a need, harvesting other members’ contact details, and disclosing outside Passerelle information received under a confidentiality level.',
      },
      moderation: {
        heading: 'Moderation',
        body: 'Animators and moderators may hide content, warn or suspend an account that breaks these rules. Every decision states its reason, you are told, and you can appeal it from the reporting page.',
      },
      liability: {
        heading: 'Liability',
        body: 'Passerelle puts people in touch; the agreements, quotes and contracts made afterwards bind only the organisations that sign them. The service is provided as is; the team does its best to keep it available and to never lose a confirmed message.',
      },
      changes: {
        heading: 'Changes',
        body: 'When these terms change, the new version is shown at your next visit and you must accept it to go on. Meanwhile, you can always download your data or delete your account.',
      },
      law: {
        heading: 'Governing law',
        body: 'These terms are governed by French law.',
      },
    },
    accept: {
      heading: 'The terms of use have changed',
      body: 'To keep using Passerelle, read the new version below and accept it.',
      submit: 'I accept the terms of use',
      accepted: 'Thank you: you accepted the terms of use of {{date}}.',
      acceptedOn: 'You accepted this version on {{date}}.',
    },
  },
  accessibility: {
    title: 'Accessibility statement',
    lead: 'Passerelle is committed to making its service accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.',
    sections: {
      status: {
        heading: 'Compliance status',
        body: 'Passerelle is partially compliant with the French accessibility framework (RGAA 4.1): no full audit by an independent body has been carried out yet.',
      },
      tests: {
        heading: 'What is checked',
        body: '- Every page of the main journeys is checked automatically (axe-core) at every code change: no error is tolerated.\n- Journeys work with the keyboard alone; a skip link leads to the content; focus stays visible.\n- Forms tie every field to its label and its errors; charts come with an equivalent data table.\n- The site works without JavaScript for reading and the main forms.',
      },
      known: {
        heading: 'Known inaccessible content',
        body: '- Files attached by members (PDFs, CAD drawings) are not checked: ask their author for an accessible version.\n- Real-time messaging announces new messages to screen readers, but has not yet been tested with every screen reader on the market.',
      },
      feedback: {
        heading: 'Report a problem',
        body: 'If you cannot reach some content or a service, write to us from the “Help and contact” page: we will answer and give you the information in another form.',
      },
      remedies: {
        heading: 'Remedies',
        body: 'If you reported an accessibility problem and did not get a satisfactory answer, you can refer the matter to the Défenseur des droits (www.defenseurdesdroits.fr), through its online form, one of its regional delegates, or by free post: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
      },
    },
  },
  contact: {
    title: 'Help and contact',
    lead: 'Finding the right person for your question.',
    writeTo: 'Write to the team:',
    sections: {
      need: {
        heading: 'You have a technical need',
        body: 'Post it from “Post a need”: an animator of your territory reviews it, then the relevant laboratories, technology centres and clusters can answer. You choose what stays confidential.',
      },
      answer: {
        heading: 'You want to answer needs',
        body: 'Create or join the profile of your laboratory, technology centre, cluster or competitiveness cluster, with your domains and equipment: the search then suggests the needs that fit you.',
      },
      animators: {
        heading: 'Your territory’s animators',
        body: 'Every Territoire d’industrie, cluster and competitiveness cluster has its animators: they route requests, review needs and moderate exchanges. Their name appears on the needs they reviewed.',
      },
      team: {
        heading: 'Write to the team',
        body: 'For a question about your account, your personal data, accessibility or a technical problem, write to the address of the instance’s operator; for problematic content, use “Report” instead, which alerts the moderators directly.',
      },
    },
  },
  myData: {
    title: 'My data',
    lead: 'Download everything Passerelle knows about you, or delete your account.',
    exportHeading: 'Download my data',
    exportBody: 'A JSON file with your account, your organisations, your needs and proposals, your messages, your notifications, your requests to the territories’ one-stop shops, your meeting registrations, your sessions and your acceptances of the terms of use.',
    exportLink: 'Download my data (JSON)',
    deleteHeading: 'Delete my account',
    deleteWhat: 'What happens, in a single operation:',
    deleteList:
      '- Your name, e-mail address, job title and password are erased; you are signed out everywhere.\n- You leave your organisations; your notifications, invitations and pending requests are deleted.\n- In conversations and projects, your name becomes “Compte supprimé” (deleted account): your messages stay visible to the other participants, so that their exchanges keep their meaning.\n- Your registrations for upcoming meetings are cancelled (your seat goes to the waiting list); your requests to one-stop shops stay in the territory’s follow-up, without your name or address.\n- The needs and proposals you published belong to your organisation: they stay, without your name.\n- This cannot be undone.',
    lastOwner: 'You are the only owner of {{names}}. First name another owner (the organisation’s “Members” page), then come back here.',
    confirmLabel: 'To confirm, type your e-mail address',
    confirmHint: 'Your account’s address: {{email}}',
    submit: 'Delete my account for good',
    deleted: 'Your account has been deleted. Thank you for using Passerelle.',
    confirmMismatch: 'Type exactly your account’s e-mail address to confirm.',
    accountLink: 'My data: download or delete my account',
  },
}

export default legal
