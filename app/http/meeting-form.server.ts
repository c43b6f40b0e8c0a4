import { parseWithZod } from '@conform-to/zod'
import { data } from '@remix-run/node'
import type { Translate } from '~/i18n/translator'
import { meetingFormSchema, spaceFromValue, type MeetingInput } from '~/domain/meetings/schema'
import { resolveMeetingPlace } from '~/domain/meetings/service.server'

/**
 * Parses the meeting form (new and edit pages): zod first (dates read in Paris time, the clear
 * French refusals), then the commune typed or picked. Returns the 400 reply or the service input.
 */
export function parseMeetingForm(t: Translate, formData: FormData) {
  const submission = parseWithZod(formData, { schema: meetingFormSchema() })
  const resolution = submission.status === 'success' ? resolveMeetingPlace(submission.value) : null
  const communeErrors =
    resolution && 'error' in resolution
      ? [t(resolution.error), ...(resolution.suggestions.length ? [t('meetings.form.communeSuggestions', { suggestions: resolution.suggestions.join(', ') })] : [])]
      : null
  if (submission.status !== 'success' || !resolution || communeErrors) {
    return { ok: false as const, reply: data({ result: submission.reply(communeErrors ? { fieldErrors: { commune: communeErrors } } : {}) }, { status: 400 }), submission }
  }
  const { scope, commune: _commune, communeSearch: _search, mode: _mode, onlineUrl, ...rest } = submission.value
  const place = 'place' in resolution ? resolution.place : null
  const input: MeetingInput = { ...rest, scope: spaceFromValue(scope)!, place, onlineUrl: place ? null : (onlineUrl ?? null) }
  return { ok: true as const, submission, input }
}
