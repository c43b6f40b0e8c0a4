import { z } from 'zod'

/** Only same-site paths: `redirectTo` must never send someone to another site. */
export const safeRedirectPath = z
  .string()
  .max(2048)
  .regex(/^\/(?![/\\])/)
  .catch('/')
