import { z } from 'zod'

/**
 * A MongoDB ObjectId as it travels in URLs, forms and socket payloads: 24 hex digits. Anything
 * else is refused before it reaches a query (a malformed id answers like an unknown one).
 */
export const OBJECT_ID_PATTERN = /^[a-f0-9]{24}$/i

export const isObjectId = (value: unknown): value is string => typeof value === 'string' && OBJECT_ID_PATTERN.test(value)

/** The zod form, with an optional message for forms that show it. */
export const objectIdString = (message?: string) => z.string(message ? { required_error: message } : undefined).regex(OBJECT_ID_PATTERN, message)
