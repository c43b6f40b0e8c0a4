import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSession } from '~/http/session.server'
import { User } from '~/domain/users/model.server'
import { optionalActor, requireActor, requirePermission } from '~/http/actor.server'
import { makeUser } from './factories'
import { isolatedMongoUri } from './support'

/** A request carrying the session cookie of `userId` (what the browser sends). */
async function signedInRequest(userId: string, url = 'http://localhost/besoins?page=2') {
  const setCookie = await startSession(new Request('http://localhost/'), userId)
  return new Request(url, { headers: { Cookie: setCookie.split(';')[0]! } })
}

async function thrownBy(work: Promise<unknown>): Promise<Response> {
  const caught = await work.then(
    () => null,
    (error: unknown) => error,
  )
  expect(caught).toBeInstanceOf(Response)
  return caught as Response
}

beforeAll(async () => {
  await mongoose.connect(isolatedMongoUri())
  await User.init()
})
afterAll(() => mongoose.disconnect())

describe('the actor of a route', () => {
  it('is the signed-in person with role, animated spaces and name', async () => {
    const animator = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'haut-jura' }] })
    const { name } = (await User.findById(animator.id).lean())!
    const request = await signedInRequest(animator.id)
    const expected = { id: animator.id, role: 'animator', animates: [{ kind: 'territory', ref: 'haut-jura' }], name }
    expect(await requireActor(request)).toEqual(expected)
    expect(await optionalActor(request)).toEqual(expected)
    expect(await requirePermission(request, 'moderate:content:scope')).toEqual(expected)
  })

  it('sends an anonymous visitor to sign in, then back where they were going', async () => {
    const response = await thrownBy(requireActor(new Request('http://localhost/besoins/nouveau?from=home')))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`/connexion?redirectTo=${encodeURIComponent('/besoins/nouveau?from=home')}`)
    expect(await optionalActor(new Request('http://localhost/besoins'))).toBeNull()
  })

  it('keeps people who do not moderate out of the animation pages', async () => {
    const industrialist = await makeUser('industrialist')
    const response = await thrownBy(requirePermission(await signedInRequest(industrialist.id), 'moderate:content:scope'))
    expect(response.status).toBe(403)
  })
})
