import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The layers of docs/architecture.md, read from the source itself: what each folder may import,
 * and that nothing HTTP reaches the domain (docs/decisions/017-one-actor-one-http-door.md).
 */
const root = path.resolve(__dirname, '../..')

function sourceFiles(folder: string): string[] {
  const dir = path.join(root, folder)
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry)
    if (statSync(full).isDirectory()) return sourceFiles(path.join(folder, entry))
    return /\.(ts|tsx)$/.test(entry) ? [path.join(folder, entry)] : []
  })
}

/** The code without its comments and string contents, so words in prose or messages do not count. */
function codeOf(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''")
}

/** Every module a file imports or re-exports, as written, resolved to a path from the repository root when relative. */
export function importsOf(file: string, source = readFileSync(path.join(root, file), 'utf8')): string[] {
  const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map(
    (match) => match[1] ?? match[2] ?? match[3]!,
  )
  return specifiers.map((specifier) => {
    if (specifier.startsWith('~/')) return `app/${specifier.slice(2)}`
    if (specifier.startsWith('.')) return path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier))
    return specifier
  })
}

/** Where a folder's files may not reach, and why. */
const forbidden: Array<{ from: string; to: RegExp; why: string }> = [
  { from: 'app/domain', to: /^app\/http\//, why: 'the domain is called by HTTP, never the other way round' },
  { from: 'app/domain', to: /^@remix-run\//, why: 'no Remix in the domain: socket handlers and jobs call it too' },
  { from: 'app/domain', to: /^@conform-to\//, why: 'forms are parsed at the edge (app/http, routes)' },
  { from: 'app/domain', to: /^app\/(routes|ui|realtime)\//, why: 'the domain knows no page, component or socket client' },
  { from: 'app', to: /^(server|seeds|tests|bench)\//, why: 'the app does not depend on the process, the demo data or the tests' },
  { from: 'seeds', to: /^(server|tests|bench)\//, why: 'seeds are data over the domain; the CLIs that load them live in server/' },
  { from: 'app/http', to: /^app\/(routes|ui)\//, why: 'the HTTP door serves routes; it does not depend on them' },
]

describe('layers', () => {
  it('finds the imports of a file, relative ones resolved from the repository root', () => {
    const source = "import { a } from '~/http/x'\nimport type { B } from '../errors'\nexport { c } from './c'\nconst d = await import('@remix-run/node')\nimport './side-effect'\n"
    expect(importsOf('app/domain/needs/service.server.ts', source)).toEqual(['app/http/x', 'app/domain/errors', 'app/domain/needs/c', '@remix-run/node', 'app/domain/needs/side-effect'])
  })

  for (const rule of forbidden) {
    it(`${rule.from} does not import ${rule.to.source} (${rule.why})`, () => {
      const offending = sourceFiles(rule.from).flatMap((file) => importsOf(file).filter((target) => rule.to.test(target)).map((target) => `${file} → ${target}`))
      expect(offending).toEqual([])
    })
  }

  it('the domain handles no Request, Response, Headers or FormData: the edge reads them and passes plain values', () => {
    const offending = sourceFiles('app/domain').flatMap((file) => {
      const found = codeOf(readFileSync(path.join(root, file), 'utf8')).match(/\b(Request|Response|Headers|FormData)\b/g)
      return found ? [`${file}: ${[...new Set(found)].join(', ')}`] : []
    })
    expect(offending).toEqual([])
  })

  it('reads words in code, not in comments or strings', () => {
    expect(codeOf("// a Request\n/* FormData */ const x = 'Response' + f(Headers)")).toBe("\n const x = '' + f(Headers)")
  })
})
