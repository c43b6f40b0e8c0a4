import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { endSession } from '~/http/session.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import '~/i18n/areas/auth'

/** Signing out is a POST (a link or an image must not sign anyone out). */
export async function action({ request }: ActionFunctionArgs) {
  const { t } = translatorFor(await languageFromRequest(request))
  return redirectWithToast('/', { kind: 'info', message: t('auth.signOut.done') }, new Headers({ 'Set-Cookie': await endSession(request) }))
}

export function loader() {
  return redirect('/')
}
