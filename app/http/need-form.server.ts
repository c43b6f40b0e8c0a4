import { parseWithZod } from '@conform-to/zod'
import { data } from '@remix-run/node'
import type { Translate } from '~/i18n/translator'
import { needFormSchema, type NeedInput } from '~/domain/needs/schema'
import { needIntentOf } from '~/domain/needs/vocabulary'
import { resolveNeedCommune } from '~/domain/needs/service.server'

/**
 * Parses the need form (new and edit pages): zod first, then the commune typed or picked,
 * reported in the same round as the other fields. Returns the 400 reply or the service input.
 */
export function parseNeedForm(t: Translate, formData: FormData) {
  const intent = needIntentOf(formData.get('intent'))
  const submission = parseWithZod(formData, { schema: needFormSchema(intent) })
  const raw = { commune: String(formData.get('commune') ?? '').trim() || undefined, communeSearch: String(formData.get('communeSearch') ?? '') }
  const resolution = submission.status === 'success' ? resolveNeedCommune(submission.value) : submission.error?.commune ? null : resolveNeedCommune(raw)
  const communeErrors =
    resolution && 'error' in resolution
      ? [t(resolution.error), ...(resolution.suggestions.length ? [t('needs.errors.communeSuggestions', { suggestions: resolution.suggestions.join(', ') })] : [])]
      : null
  if (submission.status !== 'success' || communeErrors) {
    return { ok: false as const, reply: data({ result: submission.reply(communeErrors ? { fieldErrors: { commune: communeErrors } } : {}) }, { status: 400 }), submission }
  }
  const { intent: _intent, orgId, commune: _commune, communeSearch: _search, ...rest } = submission.value
  const location = resolution && 'location' in resolution ? resolution.location : null
  return { ok: true as const, submission, intent, orgId, input: { ...rest, location } satisfies NeedInput }
}
