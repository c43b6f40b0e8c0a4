import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { io as connect } from 'socket.io-client'
import { afterAll, describe, expect, it } from 'vitest'
import { getFreePort } from '../../server/embedded/ports'
import { isAlive, processesMentioning, spawnTs } from './process-support'

/** `server/main.ts` as `npm run dev` runs it: embedded servers, Vite middleware, Socket.IO. */
describe('the server process', () => {
  const dirs: string[] = []
  afterAll(async () => {
    for (const dir of dirs) {
      for (const pid of processesMentioning(dir)) process.kill(pid, 'SIGKILL')
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('serves pages, /healthz and sockets in dev mode, and Ctrl-C stops everything it started', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-main-'))
    dirs.push(dataDir)
    const port = await getFreePort()
    const server = spawnTs('server/main.ts', [], {
      NODE_ENV: 'development',
      PORT: String(port),
      PASSERELLE_DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      MONGODB_URI: '',
      MEILI_URL: '',
    })
    await server.waitForLine((line) => line.includes('Passerelle est prête'))
    const pids = server.lines
      .filter((line) => line.includes('embedded') && line.includes('ready'))
      .map((line) => (JSON.parse(line) as { pid: number }).pid)
    expect(pids).toHaveLength(2)

    const home = await fetch(`http://127.0.0.1:${port}/`)
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('Votre besoin industriel, les bons experts de la recherche')
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)

    const client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false })
    await new Promise((resolve, reject) => {
      client.once('connect', () => resolve(undefined))
      client.once('connect_error', reject)
    })
    client.disconnect()

    server.child.kill('SIGINT')
    expect(await server.exited).toBe(0)
    for (const pid of pids) expect(isAlive(pid)).toBe(false)
    expect(processesMentioning(dataDir)).toEqual([])
  }, 90_000)

  it('refuses to start on an invalid setting and names it', async () => {
    const server = spawnTs('server/main.ts', [], { PORT: 'trois-mille' })
    expect(await server.exited).toBe(1)
    expect(server.lines.join('\n')).toMatch(/PORT: doit être un numéro de port/)
  })
})
