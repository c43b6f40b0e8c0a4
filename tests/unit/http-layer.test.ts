import { parseWithZod } from '@conform-to/zod'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { conflict, DomainError, forbidden, invalid, notFound } from '~/domain/errors'
import { asResponse, formRefusal, orRefuse, replyWithRefusal } from '~/http/domain-response.server'
import { idParam } from '~/http/params.server'
import { translatorFor } from '~/i18n/translators'
import { translateFieldErrors, translateMessage, withValues, translateMessages } from '~/i18n/translate-message'

const { t } = translatorFor('fr')
const { t: tEn } = translatorFor('en')

/** What a thrown value was: the routes throw Responses, so the tests catch them. */
function thrown(work: () => unknown): unknown {
  try {
    work()
  } catch (error) {
    return error
  }
  throw new Error('nothing was thrown')
}

describe('translateMessage', () => {
  it('translates an i18n key of any area, in the asked language', () => {
    for (const key of ['needs.refusals.notEditable', 'moderation.refusals.reasonRequired', 'messaging.errors.notFound', 'auth.validation.emailInvalid', 'projects.refusals.completed']) {
      const french = translateMessage(t, key)
      expect(french, key).not.toBe(key)
      expect(french, key).toBe(t(key as never))
      expect(translateMessage(tEn, key), key).toBe(tEn(key as never))
    }
    expect(translateMessage(t, 'needs.refusals.notEditable')).not.toBe(translateMessage(tEn, 'needs.refusals.notEditable'))
  })

  it('leaves sentences and other text as they are', () => {
    for (const text of ['Un compte existe déjà avec cette adresse.', 'Introuvable.', 'Required', 'a.b c', 'Needs.refusals.notEditable', 'needs', '']) {
      expect(translateMessage(t, text)).toBe(text)
    }
  })

  it('carries the values a sentence needs after the key', () => {
    const message = withValues('orgs.errors.communeNotFound', { query: 'Saint-Dié & co?' })
    expect(message).not.toMatch(/\s/)
    expect(translateMessage(t, message)).toBe(t('orgs.errors.communeNotFound', { query: 'Saint-Dié & co?' }))
    expect(translateMessage(t, message)).toContain('Saint-Dié & co?')
  })

  it('maps lists and field errors, keeping what is missing missing', () => {
    expect(translateMessages(t, undefined)).toBeUndefined()
    expect(translateMessages(t, ['needs.refusals.notEditable', 'Déjà traduit.'])).toEqual([t('needs.refusals.notEditable'), 'Déjà traduit.'])
    expect(translateFieldErrors(t, undefined)).toBeUndefined()
    expect(translateFieldErrors(t, { reason: ['moderation.refusals.reasonRequired'] })).toEqual({ reason: [t('moderation.refusals.reasonRequired')] })
  })
})

describe('refusals as HTTP', () => {
  it('turns each DomainError into a Response with its status and leaves other errors alone', async () => {
    const cases: Array<[DomainError, number]> = [
      [forbidden(), 403],
      [notFound(), 404],
      [conflict('needs.refusals.changedMeanwhile'), 409],
      [invalid('needs.errors.invalid'), 400],
      [new DomainError('rate_limited', 'messaging.errors.rateLimited'), 429],
    ]
    for (const [error, status] of cases) {
      const response = asResponse(error)
      expect(response).toBeInstanceOf(Response)
      expect((response as Response).status).toBe(status)
      expect(await (response as Response).text()).toBe(error.message)
      const refused = await orRefuse(() => Promise.reject(error)).catch((caught: unknown) => caught)
      expect((refused as Response).status).toBe(status)
    }
    const other = new Error('boom')
    expect(asResponse(other)).toBe(other)
    await expect(orRefuse(() => Promise.reject(other))).rejects.toBe(other)
    await expect(orRefuse(async () => 42)).resolves.toBe(42)
  })

  it('reads ids from route params; anything else is a 404', () => {
    expect(idParam({ id: '65a1b2c3d4e5f60718293a4b' }, 'id')).toBe('65a1b2c3d4e5f60718293a4b')
    expect(idParam({ conversationId: '65A1B2C3D4E5F60718293A4B' }, 'conversationId')).toBe('65A1B2C3D4E5F60718293A4B')
    for (const params of [{}, { id: 'nope' }, { id: '65a1b2c3d4e5f60718293a4' }, { other: '65a1b2c3d4e5f60718293a4b' }]) {
      const response = thrown(() => idParam(params, 'id'))
      expect((response as Response).status).toBe(404)
    }
  })
})

describe('refusals on a form', () => {
  const schema = z.object({ reason: z.string() })
  const submission = () => {
    const formData = new FormData()
    formData.set('reason', 'x')
    return parseWithZod(formData, { schema })
  }

  it('sends invalid and conflict back to the form, translated, with their status', () => {
    expect(formRefusal(t, invalid('moderation.refusals.reasonRequired', { reason: ['moderation.refusals.reasonRequired'] }))).toEqual({
      status: 400,
      formErrors: [t('moderation.refusals.reasonRequired')],
      fieldErrors: { reason: [t('moderation.refusals.reasonRequired')] },
    })
    expect(formRefusal(t, conflict('Déjà membre.'))).toEqual({ status: 409, formErrors: ['Déjà membre.'], fieldErrors: undefined })
  })

  it('throws the error page for what the person cannot act on', () => {
    expect((thrown(() => formRefusal(t, forbidden())) as Response).status).toBe(403)
    expect((thrown(() => formRefusal(t, notFound())) as Response).status).toBe(404)
    expect((thrown(() => formRefusal(t, new DomainError('rate_limited', 'x'))) as Response).status).toBe(429)
    const other = new Error('boom')
    expect(thrown(() => formRefusal(t, other))).toBe(other)
  })

  it('replies in conform’s shape beside the caller’s own fields', () => {
    const reply = replyWithRefusal(t, submission(), invalid('needs.refusals.incomplete', { reason: ['needs.refusals.reasonRequired'] }), { form: 'lifecycle', proposalId: null })
    expect(reply.init?.status).toBe(400)
    expect(reply.data.form).toBe('lifecycle')
    expect(reply.data.proposalId).toBeNull()
    expect(reply.data.result.error).toEqual({ '': [t('needs.refusals.incomplete')], reason: [t('needs.refusals.reasonRequired')] })
  })

  it('with fieldsOnly, says a refusal naming fields only next to them', () => {
    const withFields = replyWithRefusal(t, submission(), conflict('Déjà membre.', { reason: ['Déjà membre.'] }), { form: 'invite' }, { fieldsOnly: true })
    expect(withFields.init?.status).toBe(409)
    expect(withFields.data.result.error).toEqual({ reason: ['Déjà membre.'] })
    const withoutFields = replyWithRefusal(t, submission(), conflict('Déjà membre.'), { form: 'invite' }, { fieldsOnly: true })
    expect(withoutFields.data.result.error).toEqual({ '': ['Déjà membre.'] })
  })
})
