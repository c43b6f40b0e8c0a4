import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { supportedLanguages } from '~/i18n/config'
import { translatorFor } from '~/i18n/translators'
import { languageCookie } from '~/i18n/language.server'
import { safeRedirectPath } from '~/http/safe-redirect'
import { redirectWithToast } from '~/http/toast.server'
import { refuse } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'

const languageForm = z.object({
  language: z.enum(supportedLanguages),
  redirectTo: safeRedirectPath,
})

export async function action({ request }: ActionFunctionArgs) {
  const parsed = languageForm.safeParse(Object.fromEntries(await readForm(request)))
  if (!parsed.success) refuse('invalid')
  const { language, redirectTo } = parsed.data
  const t = translatorFor(language).t
  const headers = new Headers({ 'Set-Cookie': await languageCookie.serialize(language) })
  return redirectWithToast(redirectTo, { kind: 'success', message: t('language.changed', { language: t(`language.names.${language}`) }) }, headers)
}

export function loader() {
  return redirect('/')
}
