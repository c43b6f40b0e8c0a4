import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { endSession } from '~/domain/auth/session.server'
import { createI18n } from '~/i18n/config'
import { languageFromRequest } from '~/i18n/language.server'
import { flashToast } from '~/toast.server'

/** Signing out is a POST (a link or an image must not sign anyone out). */
export async function action({ request }: ActionFunctionArgs) {
  const { t } = createI18n(await languageFromRequest(request))
  const headers = new Headers()
  headers.append('Set-Cookie', await endSession(request))
  headers.append('Set-Cookie', await flashToast({ kind: 'info', message: t('auth.signOut.done') }))
  return redirect('/', { headers })
}

export function loader() {
  return redirect('/')
}
