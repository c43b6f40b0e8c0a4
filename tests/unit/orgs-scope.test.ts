import { describe, expect, it } from 'vitest'
import { isWithinAnimatorScope } from '~/domain/orgs/scope'

const clusterId = '64b7f0c2a1b2c3d4e5f60718'
const otherClusterId = '64b7f0c2a1b2c3d4e5f60719'

describe('animator scope', () => {
  const animatesHautJuraAndCluster = [
    { kind: 'territory', ref: 'haut-jura' },
    { kind: 'organisation', ref: clusterId },
  ] as const

  it('covers organisations serving a territory the animator animates', () => {
    expect(isWithinAnimatorScope(animatesHautJuraAndCluster, { kind: 'lab', territories: ['ancenis', 'haut-jura'], memberOf: [] })).toBe(true)
  })

  it('does not cover organisations of other territories', () => {
    expect(isWithinAnimatorScope(animatesHautJuraAndCluster, { kind: 'lab', territories: ['le-mans'], memberOf: [] })).toBe(false)
    expect(isWithinAnimatorScope(animatesHautJuraAndCluster, { kind: 'technology_centre', territories: [], memberOf: [] })).toBe(false)
  })

  it('covers companies that declared membership of a cluster the animator animates', () => {
    expect(isWithinAnimatorScope(animatesHautJuraAndCluster, { kind: 'company', territories: [], memberOf: [{ toString: () => clusterId }] })).toBe(true)
    expect(isWithinAnimatorScope(animatesHautJuraAndCluster, { kind: 'company', territories: [], memberOf: [otherClusterId] })).toBe(false)
  })

  it('does not let a lab into scope by claiming a cluster membership (only companies declare them)', () => {
    expect(isWithinAnimatorScope(animatesHautJuraAndCluster, { kind: 'lab', territories: [], memberOf: [clusterId] })).toBe(false)
  })

  it('covers nothing for someone who animates nothing', () => {
    expect(isWithinAnimatorScope([], { kind: 'company', territories: ['haut-jura'], memberOf: [clusterId] })).toBe(false)
  })
})
