import { parseWithZod } from '@conform-to/zod'
import { describe, expect, it } from 'vitest'
import type { ZodTypeAny } from 'zod'
import { clusterMembershipsSchema, inviteSchema, orgCreateSchema, orgLimits, orgUpdateSchema } from '~/domain/orgs/schema'
import { translatorFor } from '~/i18n/translators'
import { translateFieldErrors } from '~/i18n/translate-message'

const { t } = translatorFor('fr')

/** A form as the browser submits it: every value a string, repeated names for checkboxes. */
function formData(fields: Record<string, string | string[]>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(name, item)
  return data
}

const valid = {
  name: 'Laboratoire de plasturgie du Haut-Jura',
  kind: 'lab',
  description: 'Injection, extrusion et caractérisation des polymères.',
  domains: ['plastics', 'additive-manufacturing'],
  keywords: 'injection, extrusion\nmoules',
  equipment: 'Presse à injecter 80 t\nImprimante 3D FDM',
  trlMin: '3',
  trlMax: '6',
  filieres: ['lunetterie', 'plasturgie-caoutchouc'],
  territories: ['haut-jura'],
  commune: '39478',
  communeSearch: 'Saint-Claude (39)',
  website: 'https://labo.exemple.fr',
  contactEmail: 'Contact@Labo.Exemple.fr',
}

/** The submission as conform sees it, with `error` readable whatever the status. */
function parseForm<S extends ZodTypeAny>(schema: S, fields: Record<string, string | string[]>, reader = t) {
  const submission = parseWithZod(formData(fields), { schema })
  // The schema speaks keys; the errors are read as the page shows them, in words.
  return submission.status === 'success'
    ? { status: 'success' as const, value: submission.value, error: undefined }
    : { status: submission.status, value: undefined, error: translateFieldErrors(reader, submission.error as Record<string, string[]> | undefined) }
}

const parse = (fields: Record<string, string | string[]>) => parseForm(orgCreateSchema(), fields)

describe('organisation profile schema', () => {
  it('accepts a complete form and turns lists into arrays', () => {
    const submission = parse(valid)
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value).toMatchObject({
      kind: 'lab',
      keywords: ['injection', 'extrusion', 'moules'],
      equipment: ['Presse à injecter 80 t', 'Imprimante 3D FDM'],
      trlMin: 3,
      trlMax: 6,
      domains: ['plastics', 'additive-manufacturing'],
      contactEmail: 'contact@labo.exemple.fr',
    })
  })

  it('accepts a single checked box as a one-item list', () => {
    const submission = parse({ ...valid, domains: 'ai' })
    expect(submission.status === 'success' && submission.value.domains).toEqual(['ai'])
  })

  it('refuses a TRL minimum above the maximum, on the maximum field, in French', () => {
    const submission = parse({ ...valid, trlMin: '7', trlMax: '4' })
    expect(submission.status).toBe('error')
    expect(submission.error?.trlMax).toEqual(['Le TRL maximum doit être supérieur ou égal au TRL minimum.'])
  })

  it('reports the TRL order even when another field is wrong too', () => {
    const submission = parse({ ...valid, name: '', trlMin: '7', trlMax: '4' })
    expect(submission.error?.trlMax).toBeDefined()
    expect(submission.error?.name).toBeDefined()
  })

  it('refuses a TRL outside 1..9', () => {
    expect(parse({ ...valid, trlMin: '0' }).error?.trlMin).toEqual(['Un TRL va de 1 à 9.'])
    expect(parse({ ...valid, trlMax: '10' }).error?.trlMax).toEqual(['Un TRL va de 1 à 9.'])
  })

  it('refuses over-long fields with the limit in the message', () => {
    const submission = parse({ ...valid, name: 'x'.repeat(orgLimits.name + 1), description: 'y'.repeat(orgLimits.description + 1) })
    expect(submission.error?.name).toEqual([`${orgLimits.name} caractères au plus.`])
    expect(submission.error?.description).toEqual([`${orgLimits.description} caractères au plus.`])
  })

  it('refuses a keyword longer than a keyword may be, and too many keywords', () => {
    expect(parse({ ...valid, keywords: `court, ${'k'.repeat(orgLimits.keyword + 1)}` }).error?.keywords?.[0]).toMatch(/trop long/)
    const many = Array.from({ length: orgLimits.keywords + 1 }, (_, i) => `mot${i}`).join(', ')
    expect(parse({ ...valid, keywords: many }).error?.keywords).toEqual([`${orgLimits.keywords} éléments au plus.`])
  })

  it('refuses an unknown technology domain, filière or territory', () => {
    expect(parse({ ...valid, domains: ['plastics', 'alchemy'] }).error?.domains).toEqual(['Choisissez des domaines de la liste.'])
    expect(parse({ ...valid, filieres: ['spatial-profond'] }).error?.filieres).toEqual(['Choisissez des filières de la liste.'])
    expect(parse({ ...valid, territories: ['atlantide'] }).error?.territories).toEqual(['Choisissez des territoires de la liste.'])
  })

  it('keeps names on one line (they go into e-mail subjects)', () => {
    const submission = parse({ ...valid, name: 'Labo\r\nBcc: victime@exemple.fr' })
    expect(submission.status === 'success' && submission.value.name).toBe('Labo Bcc: victime@exemple.fr')
  })

  it('refuses an unknown kind and a website that is not http(s)', () => {
    expect(parse({ ...valid, kind: 'guild' }).error?.kind).toEqual(['Choisissez le type d’organisation.'])
    expect(parse({ ...valid, website: 'javascript:alert(1)' }).error?.website).toBeDefined()
    expect(parse({ ...valid, website: 'labo.fr' }).error?.website).toBeDefined()
  })

  it('requires a commune: a picked code or typed text', () => {
    expect(parse({ ...valid, commune: '', communeSearch: '' }).error?.commune).toEqual(['Choisissez une commune.'])
    expect(parse({ ...valid, commune: '', communeSearch: 'Morez' }).status).toBe('success')
    expect(parse({ ...valid, commune: 'ABCDE' }).error?.commune).toBeDefined()
  })

  it('speaks English to English speakers', () => {
    const english = translatorFor('en').t
    const submission = parseForm(orgUpdateSchema(), { ...valid, trlMin: '8', trlMax: '2' }, english)
    expect(submission.error?.trlMax).toEqual(['The highest TRL must be greater than or equal to the lowest TRL.'])
  })

  it('has no kind on the edit form (changing it would dodge verification)', () => {
    const submission = parseForm(orgUpdateSchema(), { ...valid, kind: 'company' })
    expect(submission.status).toBe('success')
    expect(submission.status === 'success' && Object.keys(submission.value)).not.toContain('kind')
  })
})

describe('membership forms', () => {
  it('normalises and checks invitation addresses', () => {
    expect(inviteSchema().safeParse({ email: '  Alice@Exemple.FR ' }).data).toEqual({ email: 'alice@exemple.fr' })
    expect(inviteSchema().safeParse({ email: 'pas-une-adresse' }).success).toBe(false)
  })

  it('only takes object ids as cluster memberships', () => {
    expect(clusterMembershipsSchema().safeParse({ memberOf: ['64b7f0c2a1b2c3d4e5f60718'] }).success).toBe(true)
    expect(clusterMembershipsSchema().safeParse({ memberOf: ['{"$ne":null}'] }).success).toBe(false)
  })
})
