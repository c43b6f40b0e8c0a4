/** What domain services need to send e-mail; the server provides it through the load context. */
export type OutgoingMail = {
  to: string
  subject: string
  /** Plain text is always sent; it is what tests and text-only clients read. */
  text: string
  html?: string
}

export type Mailer = {
  send: (mail: OutgoingMail) => Promise<void>
}
