import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createLogger } from '../../server/logger'
import { forbidden, invalid } from '../../app/domain/errors'
import { withValues } from '../../app/i18n/translate-message'
import { socketCommand } from '../../server/realtime/handler'

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

  it('answers a domain refusal with the ack code of its table and its message in the socket’s language', async () => {
    const ack = vi.fn()
    await socketCommand(schema, () => {
      throw forbidden('messaging.presence.notShared')
    }, logger, 'en')({ text: 'a' }, ack)
    expect(ack.mock.calls[0]?.[0].error.code).toBe('forbidden')
    expect(ack.mock.calls[0]?.[0].error.message).not.toMatch(/messaging\./)
    const frenchAck = vi.fn()
    await socketCommand(schema, () => {
      throw invalid(withValues('projects.errors.titleTooLong', { max: 120 }))
    }, logger)({ text: 'a' }, frenchAck)
    expect(frenchAck.mock.calls[0]?.[0].error).toEqual({ code: 'invalid_payload', message: expect.stringContaining('120') })
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
