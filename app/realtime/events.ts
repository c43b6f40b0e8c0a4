import { z } from 'zod'

/**
 * The Socket.IO contract shared by the browser and the server.
 * Commands are `entity:verb` and answer through their acknowledgement with
 * `{ data }` or `{ error }`; broadcasts are past tense (`message:created`).
 */
export type AckError = { code: 'invalid_payload' | 'forbidden' | 'not_found' | 'rate_limited' | 'internal'; message: string }
export type Ack<T> = { data: T; error?: undefined } | { data?: undefined; error: AckError }
export type AckCallback<T> = (response: Ack<T>) => void

export const systemPingPayload = z.object({ sentAt: z.number().int().nonnegative() }).strict()

export interface ClientToServerEvents {
  'system:ping': (payload: z.infer<typeof systemPingPayload>, ack: AckCallback<{ sentAt: number; serverTime: number }>) => void
}

export interface ServerToClientEvents {
  'system:shutting-down': () => void
}
