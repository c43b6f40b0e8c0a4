/**
 * Reads the newest V8 CPU profile in a directory (written by `bench/messaging.ts --profile <dir>`)
 * and prints where the server spent its time: self time by function, then by package or source
 * file, then total (inclusive) time of this project's own functions.
 *
 *   node --import tsx bench/messaging-profile.ts /tmp/prof [top=25]
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const [dir = '.', topArg = '25'] = process.argv.slice(2)
const top = Number(topArg)

const files = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'))
if (!files.length) throw new Error(`no .cpuprofile in ${dir}`)
// The newest run's main thread: its largest file (tsx's loader thread writes a small one too).
const described = await Promise.all(files.map(async (name) => ({ name, ...(await stat(path.join(dir, name))) })))
const newestAt = Math.max(...described.map((file) => file.mtimeMs))
const newest = described.filter((file) => newestAt - file.mtimeMs < 60_000).sort((a, b) => b.size - a.size)[0]!
const profile = JSON.parse(await readFile(path.join(dir, newest.name), 'utf8')) as Profile

// Self time per node from the samples and their time deltas.
const selfMicros = new Map<number, number>()
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
const total = [...selfMicros.values()].reduce((sum, micros) => sum + micros, 0)

const where = (url: string) => {
  if (!url) return '(native)'
  const modules = url.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/')
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!
  }
  if (url.startsWith('node:')) return url
  return url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '')
}
const label = (node: Node) => `${node.callFrame.functionName || '(anonymous)'} ${where(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`

const byFunction = new Map<string, number>()
const byPlace = new Map<string, number>()
for (const node of profile.nodes) {
  const micros = selfMicros.get(node.id) ?? 0
  if (!micros) continue
  byFunction.set(label(node), (byFunction.get(label(node)) ?? 0) + micros)
  const place = node.callFrame.url ? where(node.callFrame.url) : node.callFrame.functionName
  byPlace.set(place, (byPlace.get(place) ?? 0) + micros)
}

// Inclusive time of the project's own functions (app/, server/): what each step costs with its callees.
const parents = new Map<number, number>()
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id)
const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
const inclusive = new Map<string, number>()
for (const [id, micros] of selfMicros) {
  const seen = new Set<string>()
  for (let current: number | undefined = id; current !== undefined; current = parents.get(current)) {
    const node = nodes.get(current)!
    const url = node.callFrame.url
    if (!url || url.includes('node_modules') || !(url.includes('/app/') || url.includes('/server/'))) continue
    const name = label(node)
    if (seen.has(name)) continue // recursion counts once
    seen.add(name)
    inclusive.set(name, (inclusive.get(name) ?? 0) + micros)
  }
}

const print = (title: string, entries: Map<string, number>) => {
  console.log(`\n${title}`)
  for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * micros) / total).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`)
  }
}
console.log(`${newest.name}: ${(total / 1e6).toFixed(1)} s sampled`)
print('self time by function', byFunction)
print('self time by package / file', byPlace)
print('inclusive time, project functions', inclusive)
