import { access, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Logger } from '../logger.js'
import { startManagedProcess, waitUntil } from '../embedded/managed-process.js'

const NGINX_CANDIDATES = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'].filter(Boolean) as string[]

/**
 * nginx (Debian's package) in front of the app processes, as in a real deployment:
 * - a route cookie (`passerelle_route`, random, set by nginx on the first answer) keeps a browser on
 *   one process (consistent hash), which Socket.IO's HTTP long-polling needs; WebSockets ride it too;
 * - a process that refuses connections is skipped (`max_fails`/`fail_timeout`) and idempotent
 *   requests are retried on another (`proxy_next_upstream`): a crash or a rolling restart loses none;
 * - WebSocket upgrades proxied, client IPs passed on (the app trusts one proxy).
 */
export function nginxConfig({ port, backends, dir }: { port: number; backends: number[]; dir: string }) {
  // Run as root (CI, containers), the master would hand its workers to "nobody", who cannot write the temp dirs here.
  const user = process.getuid?.() === 0 ? 'user root;\n' : ''
  return `# Written by server/cluster/nginx.ts for the local cluster.
${user}worker_processes 1;
daemon off;
pid ${path.join(dir, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${path.join(dir, 'body')};
  proxy_temp_path ${path.join(dir, 'proxy')};
  fastcgi_temp_path ${path.join(dir, 'fastcgi')};
  uwsgi_temp_path ${path.join(dir, 'uwsgi')};
  scgi_temp_path ${path.join(dir, 'scgi')};
  client_max_body_size 30m;
  map $http_upgrade $connection_upgrade { default upgrade; '' ''; }
  # A browser without the cookie yet is placed by this request's id, the value its cookie takes:
  # its first request and the next ones reach the same process (an empty key would send every
  # newcomer to one process).
  map $cookie_passerelle_route $route_key { '' $request_id; default $cookie_passerelle_route; }
  map $cookie_passerelle_route $set_route { '' "passerelle_route=$request_id; Path=/; HttpOnly; SameSite=Lax"; default ''; }
  upstream passerelle {
    hash $route_key consistent;
${backends.map((backend) => `    server 127.0.0.1:${backend} max_fails=1 fail_timeout=3s;`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://passerelle;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      # Socket.IO pings every 25 s: an idle WebSocket stays open.
      proxy_read_timeout 60s;
      add_header Set-Cookie $set_route always;
    }
  }
}
`
}

export async function findNginx(): Promise<string> {
  for (const candidate of NGINX_CANDIDATES) {
    try {
      await access(candidate)
      return candidate
    } catch {
      // next
    }
  }
  throw new Error('nginx est introuvable : installez-le (apt-get install -y nginx) ou indiquez NGINX_PATH.')
}

export async function startNginx({ port, backends, dir, logger }: { port: number; backends: number[]; dir: string; logger: Logger }) {
  const binary = await findNginx()
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) await mkdir(path.join(dir, temp), { recursive: true })
  const config = path.join(dir, 'nginx.conf')
  await writeFile(config, nginxConfig({ port, backends, dir }))
  const child = startManagedProcess('nginx', binary, ['-p', dir, '-c', config, '-e', 'stderr'], logger)
  const url = `http://127.0.0.1:${port}`
  await waitUntil(`nginx ne répond pas sur ${url}`, async () => (await fetch(`${url}/healthz`)).status > 0, {
    timeoutMs: 15_000,
    abortIf: () => (child.hasExited() ? `nginx s'est arrêté :\n${child.outputTail()}` : undefined),
  })
  return { url, port, process: child, stop: () => child.stop(5_000) }
}
