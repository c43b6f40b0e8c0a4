import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { acceptCurrentTerms, currentTermsAcceptance } from '~/domain/legal/acceptance.server'
import { CURRENT_TERMS_VERSION } from '~/domain/legal/terms'
import { optionalActor, requireActor } from '~/http/actor.server'
import { orRefuse } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import { safeRedirectPath } from '~/http/safe-redirect'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { Button } from '~/ui/button'
import { formatLongDate } from '~/ui/dates'
import { RouteErrorPage } from '~/ui/error-page'
import { LegalPage } from '~/ui/legal-page'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/legal'

export const handle: PageHandle = { titleKey: 'legal.terms.title' }

/** Anyone reads the terms; a signed-in person who has not accepted this version is asked to. */
export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath.parse(new URL(request.url).searchParams.get('redirectTo') ?? undefined)
  const actor = await optionalActor(request)
  const acceptedAt = actor ? await orRefuse(() => currentTermsAcceptance(actor)) : null
  return { signedIn: Boolean(actor), acceptedAt: acceptedAt?.toISOString() ?? null, redirectTo }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const formData = await readForm(request)
  const redirectTo = safeRedirectPath.parse(formData.get('redirectTo') ?? undefined)
  await orRefuse(() => acceptCurrentTerms(actor))
  const { t, language } = translatorFor(await languageFromRequest(request))
  const message = t('legal.terms.accept.accepted', { date: formatLongDate(CURRENT_TERMS_VERSION, language) })
  throw await redirectWithToast(redirectTo, { kind: 'success', message })
}

const sections = ['purpose', 'account', 'content', 'moderation', 'liability', 'changes', 'law'] as const

export default function TermsPage() {
  const { signedIn, acceptedAt, redirectTo } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const mustAccept = signedIn && !acceptedAt
  return (
    <LegalPage page="terms" sections={sections}>
      <p className="muted">{t('legal.terms.version', { date: formatLongDate(CURRENT_TERMS_VERSION, i18n.language) })}</p>
      {mustAccept ? (
        <div className="notice notice-info" role="region" aria-labelledby="accept-terms-title">
          <h2 id="accept-terms-title">{t('legal.terms.accept.heading')}</h2>
          <p>{t('legal.terms.accept.body')}</p>
          <AcceptForm redirectTo={redirectTo} />
        </div>
      ) : acceptedAt ? (
        <p>{t('legal.terms.accept.acceptedOn', { date: formatLongDate(acceptedAt, i18n.language) })}</p>
      ) : null}
    </LegalPage>
  )
}

function AcceptForm({ redirectTo }: { redirectTo: string }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  return (
    <Form method="post">
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <Button type="submit" pending={navigation.state === 'submitting'}>
        {t('legal.terms.accept.submit')}
      </Button>
    </Form>
  )
}

export const ErrorBoundary = RouteErrorPage
