import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createLogger } from '../../server/logger'
import { SocketCommandError, socketCommand } from '../../server/realtime/handler'

const logger = createLogger('silent')
const schema = z.object({ text: z.string().max(5) }).strict()

describe('socketCommand', () => {
  it('answers with the handler result', async () => {
    const ack = vi.fn()
    await socketCommand(schema, ({ text }) => text.toUpperCase(), logger)({ text: 'abc' }, ack)
    expect(ack).toHaveBeenCalledWith({ data: 'ABC' })
  })

  it('refuses a payload of the wrong shape without calling the handler', async () => {
    const ack = vi.fn()
    const handler = vi.fn()
    await socketCommand(schema, handler, logger)({ text: 'too long' }, ack)
    expect(handler).not.toHaveBeenCalled()
    expect(ack.mock.calls[0]?.[0].error.code).toBe('invalid_payload')
    expect(ack.mock.calls[0]?.[0].error.message).toMatch(/text/)
  })

  it('passes domain refusals through with their code', async () => {
    const ack = vi.fn()
    await socketCommand(schema, () => {
      throw new SocketCommandError('forbidden', 'Vous n’êtes pas membre de cette conversation.')
    }, logger)({ text: 'a' }, ack)
    expect(ack).toHaveBeenCalledWith({ error: { code: 'forbidden', message: 'Vous n’êtes pas membre de cette conversation.' } })
  })

  it('hides unexpected errors behind a generic message', async () => {
    const ack = vi.fn()
    await socketCommand(schema, () => {
      throw new Error('secret stack detail')
    }, logger)({ text: 'a' }, ack)
    expect(ack.mock.calls[0]?.[0].error.code).toBe('internal')
    expect(JSON.stringify(ack.mock.calls[0])).not.toMatch(/secret/)
  })

  it('survives a client that sends no acknowledgement callback', async () => {
    await expect(socketCommand(schema, () => 1, logger)({ text: 'a' }, undefined)).resolves.toBeUndefined()
  })
})
