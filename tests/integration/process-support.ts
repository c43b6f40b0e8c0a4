import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

export function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    // A zombie still answers kill(0); it has exited all the same.
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2]?.startsWith('Z')
  } catch {
    return false
  }
}

export async function waitForExit(pid: number, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (isAlive(pid) && Date.now() < deadline) await sleep(50)
  return !isAlive(pid)
}

/** Pids of processes whose command line mentions `needle` (e.g. a throw-away data dir). */
export function processesMentioning(needle: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle) && isAlive(Number(pid))
      } catch {
        return false
      }
    })
    .map(Number)
}

/** Spawns a TypeScript entry with tsx and collects its output lines. */
export function spawnTs(entry: string, args: string[], env: Record<string, string | undefined> = {}) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  let buffer = ''
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('utf8')
    const parts = buffer.split('\n')
    buffer = parts.pop() ?? ''
    lines.push(...parts)
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const waitForLine = async (predicate: (line: string) => boolean, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const found = lines.find(predicate)
      if (found) return found
      if (child.exitCode !== null) break
      await sleep(50)
    }
    throw new Error(`line not seen; output so far:\n${lines.join('\n')}`)
  }
  return { child, lines, exited, waitForLine }
}
