import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AgnosticRouteObject } from '@remix-run/router'
import { describe, expect, it } from 'vitest'

/**
 * Route matching as the server runs it: Node loads @remix-run/router's CommonJS build, which
 * patches/ changes to flatten, rank and compile a route tree once instead of on every call
 * (docs/decisions/037-route-matching-patch.md). The matches must stay exactly what they were.
 */
const require = createRequire(import.meta.url)
const routerFile = require.resolve('@remix-run/router')
const { matchRoutes } = require('@remix-run/router') as typeof import('@remix-run/router')

type Route = AgnosticRouteObject

/** The shapes of the app's routes: index routes, static next to dynamic segments, nesting, a splat. */
const tree = (prefix: string): Route[] => [
  {
    id: `${prefix}root`,
    path: '',
    children: [
      { id: `${prefix}home`, index: true },
      { id: `${prefix}needs`, path: 'besoins', children: [{ id: `${prefix}needs-index`, index: true }] },
      { id: `${prefix}need-new`, path: 'besoins/nouveau' },
      { id: `${prefix}need`, path: 'besoins/:id', children: [{ id: `${prefix}need-index`, index: true }, { id: `${prefix}need-propose`, path: 'proposer' }] },
      { id: `${prefix}messages`, path: 'messages', children: [{ id: `${prefix}messages-index`, index: true }, { id: `${prefix}unread`, path: 'non-lus' }, { id: `${prefix}conversation`, path: ':conversationId' }] },
      { id: `${prefix}map`, path: 'recherche/carte' },
      { id: `${prefix}search`, path: 'recherche' },
      { id: `${prefix}not-found`, path: '*' },
    ],
  },
]

const matchedIds = (routes: Route[], pathname: string) => matchRoutes(routes, pathname)?.map((match) => match.route.id)
const leafOf = (routes: Route[], pathname: string) => matchRoutes(routes, pathname)?.at(-1)

describe('route matching on the server', () => {
  it('runs the patched build (postinstall: patch-package)', () => {
    expect(routerFile).toMatch(/router\.cjs\.js$/)
    expect(readFileSync(routerFile, 'utf8')).toContain('function rankedBranchesOf(routes)')
  })

  it('finds the same routes, whatever was matched before on the same tree', () => {
    const routes = tree('')
    const expected: Array<[string, string[]]> = [
      ['/', ['root', 'home']],
      ['/besoins', ['root', 'needs', 'needs-index']],
      ['/besoins/', ['root', 'needs', 'needs-index']],
      ['/BESOINS', ['root', 'needs', 'needs-index']],
      ['/besoins/nouveau', ['root', 'need-new']],
      ['/besoins/66f0c0ffee', ['root', 'need', 'need-index']],
      ['/besoins/66f0c0ffee/proposer', ['root', 'need', 'need-propose']],
      ['/messages/non-lus', ['root', 'messages', 'unread']],
      ['/messages/abc', ['root', 'messages', 'conversation']],
      ['/recherche/carte', ['root', 'map']],
      ['/recherche', ['root', 'search']],
      ['/inconnu/ailleurs', ['root', 'not-found']],
    ]
    for (let round = 0; round < 3; round++) for (const [pathname, ids] of expected) expect([pathname, matchedIds(routes, pathname)]).toEqual([pathname, ids])
    expect(leafOf(routes, '/besoins/66f0c0ffee/proposer')).toMatchObject({ params: { id: '66f0c0ffee' }, pathname: '/besoins/66f0c0ffee/proposer' })
    expect(leafOf(routes, '/inconnu/ailleurs')).toMatchObject({ params: { '*': 'inconnu/ailleurs' } })
  })

  it('keeps each tree to itself: a new tree with the same paths matches its own routes', () => {
    const first = tree('first-')
    const second = tree('second-')
    expect(matchedIds(first, '/besoins/1')).toEqual(['first-root', 'first-need', 'first-need-index'])
    expect(matchedIds(second, '/besoins/1')).toEqual(['second-root', 'second-need', 'second-need-index'])
    expect(matchedIds(first, '/messages/2')).toEqual(['first-root', 'first-messages', 'first-conversation'])
  })

  it('keeps case-sensitive and case-insensitive patterns of the same path apart', () => {
    const sensitive: Route[] = [{ id: 'exact', path: 'Fiche', caseSensitive: true }]
    const insensitive: Route[] = [{ id: 'any-case', path: 'Fiche' }]
    expect(matchedIds(sensitive, '/fiche')).toBeUndefined()
    expect(matchedIds(insensitive, '/fiche')).toEqual(['any-case'])
    expect(matchedIds(sensitive, '/Fiche')).toEqual(['exact'])
  })
})
