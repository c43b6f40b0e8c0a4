import type { SameShape } from '../shape'
import type common from '../fr/common'



const en: SameShape<typeof common> = {
  meta: {
    title: 'Passerelle — research and industry in French industrial territories',
    description:
      'Passerelle connects industrial SMEs with the research labs, technology centres, clusters and competitiveness clusters of their territory.',
  },
  // Shown wherever an organisation is named (search, need pages, directory): not only in the orgs area.
  orgKinds: {
    company: 'Company',
    lab: 'Research lab',
    technology_centre: 'Technology centre',
    cluster: 'Cluster',
    pole: 'Competitiveness cluster (pôle)',
  },
  orgBadges: {
    unverified: 'Not verified',
    verified: 'Verified',
    fictional: 'Fictional (demo)',
  },
  layout: {
    skipToContent: 'Skip to content',
    homeLink: 'Passerelle, home',
    tagline: 'Research ⇄ industry',
    mainNav: 'Main navigation',
    nav: { home: 'Home', howItWorks: 'How it works', domains: 'Domains', signIn: 'Sign in', signUp: 'Create an account', signOut: 'Sign out', account: 'My account ({{name}})', organisations: 'Organisations', needs: 'Needs', search: 'Search', messages: 'Messages', animation: 'Animation', postNeed: 'Post a need', myNeeds: 'My needs', myProposals: 'My proposals', admin: 'Administration' },
    menu: 'Menu',
    accountMenu: {
      button: 'My account',
      label: 'My account',
      signedInAs: 'Signed in as {{name}}',
      account: 'Profile and preferences',
      needs: 'Published needs',
      organisations: 'Organisation directory',
      data: 'My data',
    },
    pageTitles: { need: 'Need', organisation: 'Organisation', member: 'Profile', conversation: 'Conversation', project: 'Project' },
    footer: {
      about: 'Passerelle, the research–industry exchange platform of the Territoires d’industrie.',
      demoNotice: 'Companies and people in the demo data are fictional.',
      navLabel: 'Legal information and help',
      legalNotice: 'Legal notice',
      privacy: 'Privacy and personal data',
      terms: 'Terms of use',
      accessibility: 'Accessibility: partially compliant',
      contact: 'Help and contact',
      territories: 'Territories',
      meetings: 'Meetings',
      statistics: 'Statistics',
      openData: 'Open data',
    },
    // Shown on every page (the header's counters and new-message toasts): here, not in their areas.
    notifications: { link: 'Notifications', unread_one: '{{count}} unread notification', unread_other: '{{count}} unread notifications' },
    unreadMessages_one: '{{count}} unread message',
    unreadMessages_other: '{{count}} unread messages',
    messageToast: 'New message from {{name}}: {{preview}}',
    messageToastNoPreview: 'New message from {{name}}.',
  },
  language: {
    label: 'Language',
    switchTo: 'Switch to {{language}}',
    names: { fr: 'Français', en: 'English' },
    changed: 'The interface language is now: {{language}}.',
  },
  home: {
    eyebrow: 'Territoires d’industrie',
    title: 'Your industrial need, the right research experts',
    lead: 'Post a technical need in minutes: labs, technology centres, clusters and competitiveness clusters of your territory answer, talk with you in real time and run the project with you.',
    personasTitle: 'Who is it for?',
    personas: {
      industrialist: { title: 'Industrialist, SME or mid-cap', text: 'Describe your need (3D printing, AI, automation…), receive proposals, choose the best one.', cta: 'Post a need' },
      researcher: { title: 'Researcher or technology centre', text: 'Showcase your skills, equipment and TRL, and answer the needs of nearby companies.', cta: 'See published needs' },
      animator: { title: 'Cluster, pôle or territory animator', text: 'Moderate your space, route needs to the right experts and follow response times.', cta: 'Find partners' },
    },
    stepsTitle: 'How it works',
    steps: {
      post: { title: 'Post your need', text: 'A title, a summary, a domain and your town: a first version takes less than two minutes.' },
      receive: { title: 'Receive proposals', text: 'Labs and technology centres propose an approach, a team, a duration and a cost.' },
      collaborate: { title: 'Start the project', text: 'Accept a proposal: a project room opens to talk in real time and track milestones.' },
    },
    confidentialityTitle: 'You decide what you show',
    confidentiality: 'Public summary, details for signed-in members only, or anonymised company: you choose for each need.',
    trlButton: 'What is a TRL?',
    trlDialogTitle: 'TRL, the technology readiness level',
    trlDialogText:
      'The TRL (Technology Readiness Level) measures how mature a technology is, from 1 (principle observed) to 9 (system proven in production). Passerelle matches the TRL your need targets with the one each lab or centre works at.',
    domainsTitle: 'Technology domains',
    domainsLead: 'Needs and profiles are classified with a shared taxonomy.',
    territoriesTitle: 'Territories already on board',
  },
  ui: {
    close: 'Close',
    dismiss: 'Dismiss notification',
    loading: 'Loading…',
    notifications: 'Notifications',
    fieldRequired: 'required',
  },
  errors: {
    title: 'Something went wrong',
    notFoundTitle: 'Page not found',
    notFound: 'This page does not exist or no longer exists.',
    forbiddenTitle: 'Access denied',
    forbidden: 'You do not have access to this page.',
    badRequestTitle: 'Invalid request',
    badRequest: 'This address or form holds a value we cannot process. Go back and check what you entered.',
    conflictTitle: 'Not possible right now',
    conflict: 'This item changed in the meantime (someone else may have edited it). Reload the page to see where it stands.',
    tooManyTitle: 'Too many requests',
    tooMany: 'You made many requests in a short time. Wait a minute and try again.',
    unavailableTitle: 'Service temporarily unavailable',
    unavailable: 'Passerelle cannot reach its database right now. Nothing you saved is lost: try again in a few seconds.',
    generic: 'Something went wrong on our side. Try again in a moment; if the problem persists, report it with the reference below.',
    reference: 'Reference: {{requestId}}',
    backHome: 'Back to home',
    /** A service's refusal that names no reason of its own (sockets show it; pages show the status page). */
    refusal: { forbidden: 'You are not allowed to do that.', notFound: 'Not found.' },
    /** Answers of the HTTP layer (server/http), before any page is rendered. */
    http: {
      hostNotAllowed: 'This address does not lead to Passerelle. Open the site at its usual address.',
      crossOrigin: 'This form came from another site: for your safety it was not processed. Go back to Passerelle and try again.',
      tooLarge: 'Request too large (1 MB at most).',
      lengthRequired: 'Request refused: its size must be declared (Content-Length header).',
      tooMany: 'Too many requests: please wait a minute before trying again.',
      badAddress: 'This address is not valid. Check it or go back to the home page.',
    },
  },
}

export default en
