import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inRequestScope } from '~/http/request-scope.server'
import { endSession, startSession } from '~/http/session.server'
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

describe('the session of a request', () => {
  it('is read once for all the loaders of a GET, afresh by an action', async () => {
    const person = await makeUser('researcher')
    const rootLoaderRequest = await signedInRequest(person.id)
    const cookie = rootLoaderRequest.headers.get('Cookie')!
    // Remix hands each loader its own copy of the request.
    const pageLoaderRequest = new Request('http://localhost/besoins', { headers: { Cookie: cookie } })
    const actionRequest = new Request('http://localhost/besoins', { method: 'POST', headers: { Cookie: cookie } })
    await inRequestScope(async () => {
      expect((await optionalActor(rootLoaderRequest))?.id).toBe(person.id)
      // Signed out in the middle of the request: its loaders keep the answer they shared…
      await endSession(rootLoaderRequest)
      expect((await optionalActor(pageLoaderRequest))?.id).toBe(person.id)
      // …an action reads the session again.
      expect(await optionalActor(actionRequest)).toBeNull()
    })
    // The next request reads it again.
    await inRequestScope(async () => expect(await optionalActor(pageLoaderRequest)).toBeNull())
    expect(await optionalActor(pageLoaderRequest)).toBeNull()
  })
})
