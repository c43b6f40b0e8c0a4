import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { isNotificationKind } from '~/domain/notifications/preferences'
import { checkUnsubscribe, unsubscribeWithToken } from '~/domain/notifications/preferences.server'
import { readForm } from '~/http/form-data.server'
import { Button, ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/alerts'
import '~/i18n/areas/mail'

export const handle: PageHandle = { titleKey: 'mail.unsubscribe.title' }

/**
 * The unsubscribe link of every e-mail (issue 14), signed, no session needed. GET shows what it
 * turns off and a button (a mail scanner opening the link changes nothing); POST — that button,
 * or a mail client's RFC 8058 one-click (`List-Unsubscribe=One-Click`) — turns it off. Using it
 * again says it was already done.
 */
const noStore = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' }

export async function loader({ params, context }: LoaderFunctionArgs) {
  const check = await checkUnsubscribe(context.appSecret, params.token)
  return data({ check }, { status: check.status === 'invalid' ? 404 : 200, headers: noStore })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await readForm(request)
  const result = await unsubscribeWithToken(context.appSecret, params.token)
  context.logger.info({ status: result.status, scope: 'scope' in result ? result.scope : null }, 'unsubscribe link used')
  return data({ result }, { status: result.status === 'invalid' ? 404 : 200, headers: noStore })
}

export default function Unsubscribe() {
  const { t } = useTranslation()
  const { check } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const outcome = actionData?.result.status ?? (check.status === 'already' ? 'already' : check.status === 'invalid' ? 'invalid' : null)
  const scope = check.status === 'invalid' ? '' : check.scope
  const question =
    scope === 'all' || scope === 'digest-daily' || scope === 'digest-weekly'
      ? t(`mail.unsubscribe.confirm_${scope.replace('-', '_') as 'all' | 'digest_daily' | 'digest_weekly'}`)
      : scope.startsWith('alert-')
        ? check.status !== 'invalid' && check.alertName
          ? t('alerts.unsubscribe.confirm', { name: check.alertName })
          : t('alerts.unsubscribe.gone')
        : isNotificationKind(scope) || scope === 'message'
        ? t('mail.unsubscribe.confirm_kind', { kind: t(`mail.kinds.${scope as 'message'}`) })
        : ''
  return (
    <section className="auth-page" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">{t('mail.unsubscribe.title')}</h1>
      {outcome === 'invalid' ? (
        <div className="notice notice-error" role="alert">
          <p>{t('mail.unsubscribe.invalid')}</p>
        </div>
      ) : outcome === 'done' || outcome === 'already' ? (
        <div className="notice notice-success" role="status">
          <p>{t(outcome === 'done' ? 'mail.unsubscribe.done' : 'mail.unsubscribe.already')}</p>
        </div>
      ) : (
        <Form method="post">
          <p>{question}</p>
          <Button type="submit" pending={navigation.state === 'submitting'}>
            {t('mail.unsubscribe.button')}
          </Button>
        </Form>
      )}
      <p>
        <ButtonLink href="/compte#emails" variant="secondary">
          {t('mail.unsubscribe.manage')}
        </ButtonLink>
      </p>
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
