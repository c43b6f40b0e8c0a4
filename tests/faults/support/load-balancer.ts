import net from 'node:net'

/**
 * A TCP load balancer on a free loopback port, as in front of a real deployment: each new
 * connection goes to the next backend (round robin) that accepts it. WebSocket-only clients keep
 * one TCP connection per Socket.IO session, so no stickiness is needed. `cut` drops live
 * connections (a flaky mobile link, a proxy restart) without the server or the client choosing to.
 */
export async function startLoadBalancer(backendPorts: () => number[]) {
  const links = new Set<{ client: net.Socket; backend: net.Socket }>()
  /** Every accepted connection, linked to a backend or still being linked. */
  const accepted = new Set<net.Socket>()
  let turn = 0
  const connectTo = (ports: number[], attempt = 0): Promise<net.Socket> =>
    new Promise((resolve, reject) => {
      if (attempt >= ports.length) return reject(new Error('no backend'))
      const port = ports[(turn + attempt) % ports.length]!
      const backend = net.connect(port, '127.0.0.1')
      backend.once('connect', () => resolve(backend))
      backend.once('error', () => connectTo(ports, attempt + 1).then(resolve, reject))
    })
  const server = net.createServer((client) => {
    accepted.add(client)
    client.once('close', () => accepted.delete(client))
    client.pause()
    const ports = backendPorts()
    turn++
    connectTo(ports).then(
      (backend) => {
        const link = { client, backend }
        links.add(link)
        const close = () => {
          links.delete(link)
          client.destroy()
          backend.destroy()
        }
        client.on('error', close).on('close', close)
        backend.on('error', close).on('close', close)
        client.pipe(backend)
        backend.pipe(client)
        client.resume()
      },
      () => client.destroy(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    /** Drops each live connection with this probability (all of them by default). */
    cut(share = 1) {
      let cut = 0
      for (const link of [...links]) {
        if (Math.random() >= share) continue
        link.client.destroy()
        link.backend.destroy()
        cut++
      }
      return cut
    },
    get connections() {
      return links.size
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      this.cut()
      for (const client of accepted) client.destroy()
      await closed
    },
  }
}
