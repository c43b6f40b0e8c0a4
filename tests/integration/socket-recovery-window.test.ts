import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { io as connect } from 'socket.io-client'
import { afterEach, describe, expect, it } from 'vitest'
import { trimRecoveryPackets } from '../../server/realtime/recovery-window'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the connection-state-recovery window', () => {
  let close: (() => Promise<void>) | undefined
  afterEach(async () => close?.())

  async function server(windowMs: number) {
    const httpServer = createServer()
    const io = new Server(httpServer, { connectionStateRecovery: { maxDisconnectionDuration: windowMs } })
    const stop = trimRecoveryPackets(io, { windowMs, everyMs: 50 })
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
    close = async () => {
      stop()
      await new Promise((resolve) => io.close(resolve))
    }
    const packets = (io.of('/').adapter as unknown as { packets: unknown[] }).packets
    return { io, packets, url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` }
  }

  it('keeps broadcasts only as long as the window, not until the adapter’s minute-long sweep', async () => {
    const { io, packets } = await server(300)
    for (let i = 0; i < 100; i++) io.emit('tick', i)
    expect(packets).toHaveLength(100)
    await sleep(150)
    io.emit('tick', 'recent')
    await sleep(250)
    // The first hundred are older than the window; the recent one is still kept.
    expect(packets).toHaveLength(1)
    await sleep(300)
    expect(packets).toHaveLength(0)
  })

  it('still gives a client that comes back within the window what it missed', async () => {
    const { io, url } = await server(2_000)
    const client = connect(url, { transports: ['websocket'], reconnectionDelay: 50 })
    const received: unknown[] = []
    client.on('tick', (value) => received.push(value))
    await new Promise<void>((resolve) => client.once('connect', () => resolve()))
    io.emit('tick', 'before')
    await sleep(100)
    client.io.engine.close()
    await sleep(20)
    io.emit('tick', 'while away')
    await new Promise<void>((resolve) => client.once('connect', () => resolve()))
    expect(client.recovered).toBe(true)
    await sleep(100)
    expect(received).toEqual(['before', 'while away'])
    client.disconnect()
  })
})
