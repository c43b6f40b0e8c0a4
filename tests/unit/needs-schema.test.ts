import { parseWithZod } from '@conform-to/zod'
import { describe, expect, it } from 'vitest'
import { needFormSchema, needLifecycleFormSchema } from '~/domain/needs/schema'
import { submissionGaps, todayUtc } from '~/domain/needs/vocabulary'
import { translatorFor } from '~/i18n/translators'
import { translateFieldErrors, translateMessages } from '~/i18n/translate-message'

const t = translatorFor('fr').t
/** Errors as the page shows them: the schema speaks keys, the fields put them into French. */
const inFrench = (errors: Record<string, string[] | null>) => translateFieldErrors(t, errors as Record<string, string[]>)!

function form(entries: Array<[string, string]>) {
  const data = new FormData()
  for (const [key, value] of entries) data.append(key, value)
  return data
}

const parse = (entries: Array<[string, string]>, intent: 'draft' | 'submit' = 'draft') => parseWithZod(form(entries), { schema: needFormSchema(intent) })

const firstVersion: Array<[string, string]> = [
  ['title', 'Contrôle qualité par vision'],
  ['summary', 'Détecter les défauts de nos pièces injectées en sortie de presse.'],
  ['category', 'technical'],
  ['domains', 'machine-vision'],
  ['communeSearch', 'Saint-Claude 39'],
]

describe('need form', () => {
  it('saves a draft with a title only', () => {
    const submission = parse([['title', 'Un besoin à préciser']])
    expect(submission.status).toBe('success')
    expect(submission.status === 'success' && submission.value).toMatchObject({ title: 'Un besoin à préciser', domains: [], confidentiality: 'members', intent: 'draft' })
  })

  it('asks for the first version before publishing, in French, next to each field', () => {
    const submission = parse([['title', 'Un besoin à préciser'], ['intent', 'submit']], 'submit')
    expect(submission.status).toBe('error')
    const errors = inFrench(submission.reply().error!)
    expect(errors.summary).toEqual(['Résumez votre besoin en une ou deux phrases.'])
    expect(errors.category).toEqual(['Choisissez une catégorie.'])
    expect(errors.domains).toEqual(['Choisissez au moins un domaine technologique.'])
    expect(errors.commune).toEqual(['Indiquez la commune du besoin.'])
  })

  it('accepts the short first version, one domain given as a single value', () => {
    const submission = parse([...firstVersion, ['intent', 'submit']], 'submit')
    expect(submission.status).toBe('success')
    expect(submission.status === 'success' && submission.value.domains).toEqual(['machine-vision'])
  })

  it('refuses unknown domains, more than five, a target TRL below the current one and a past deadline', () => {
    const errors = inFrench(parse([
      ['title', 'Titre correct'],
      ['domains', 'ai'],
      ['domains', 'teleportation'],
      ['trlCurrent', '6'],
      ['trlTarget', '4'],
      ['deadline', '2020-01-01'],
    ]).reply().error!)
    expect(errors.domains).toEqual(['Choisissez une valeur dans la liste.'])
    expect(errors.trlTarget).toEqual(['Le TRL visé doit être supérieur ou égal au TRL de départ.'])
    expect(errors.deadline).toEqual(['L’échéance ne peut pas être dans le passé.'])
    const tooMany = parse([['title', 'Titre correct'], ...['ai', 'iiot', 'robotics', 'automation', 'plastics', 'photonics'].map((id): [string, string] => ['domains', id])])
    expect(inFrench(tooMany.reply().error!).domains).toEqual(['5 domaines au maximum.'])
  })

  it('checks TRL bounds, lengths and choices', () => {
    const errors = inFrench(parse([
      ['title', 'abc'],
      ['summary', 'x'.repeat(601)],
      ['trlCurrent', '0'],
      ['trlTarget', '12'],
      ['confidentiality', 'secret-defense'],
      ['stage', 'invented'],
    ]).reply().error!)
    expect(errors.title).toEqual(['Le titre doit faire au moins 5 caractères.'])
    expect(errors.summary).toEqual(['600 caractères au maximum.'])
    expect(errors.trlCurrent).toEqual(['Le TRL est un nombre entier entre 1 et 9.'])
    expect(errors.trlTarget).toEqual(['Le TRL est un nombre entier entre 1 et 9.'])
    expect(errors.confidentiality).toEqual(['Choisissez une valeur dans la liste.'])
    expect(errors.stage).toEqual(['Choisissez une valeur dans la liste.'])
  })

  it('speaks in keys, which the page puts into English for English readers', () => {
    const en = translatorFor('en').t
    const submission = parseWithZod(form([['title', 'abc']]), { schema: needFormSchema('draft') })
    expect(translateMessages(en, submission.reply().error!.title!)).toEqual(['The title must be at least 5 characters long.'])
  })

  it('names what a stored draft lacks before submission', () => {
    expect(submissionGaps({ summary: '', category: null, domains: [], location: null })).toEqual({
      summary: ['needs.errors.summaryRequired'],
      category: ['needs.errors.categoryRequired'],
      domains: ['needs.errors.domainsRequired'],
      commune: ['needs.errors.communeRequired'],
    })
    expect(submissionGaps({ summary: 'ok', category: 'technical', domains: ['ai'], location: {} })).toEqual({})
  })

  it('validates the lifecycle buttons, including a new deadline when reopening', () => {
    const schema = needLifecycleFormSchema()
    expect(schema.safeParse({ intent: 'submit' }).success).toBe(true)
    expect(schema.safeParse({ intent: 'delete_everything' }).success).toBe(false)
    expect(schema.safeParse({ intent: 'reopen', deadline: '2020-01-01' }).success).toBe(false)
    expect(schema.safeParse({ intent: 'reopen', deadline: todayUtc() }).success).toBe(true)
  })
})
