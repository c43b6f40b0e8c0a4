import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { guichetTokenSchema } from '~/domain/territories/guichet-schema'
import { checkGuichetConfirmation, confirmGuichetRequest, type ConfirmCheck, type ConfirmOutcome } from '~/domain/territories/guichet.server'
import { readForm } from '~/http/form-data.server'
import { Button } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/territories'

export const handle: PageHandle = { titleKey: 'territories.confirm.title' }

const noStore = { 'Cache-Control': 'no-store' }
const unknown = { status: 'unknown', territory: null } as const

/**
 * The link e-mailed to a guest (double opt-in: the consent must be theirs). GET only says what it
 * would do and shows a button (a mail scanner or a link preview opening the link sends nothing to
 * the guichet); POST — that button, a plain form that works without JavaScript — puts the request
 * in the territory's queue, once. Pressing it again says it already is.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = guichetTokenSchema.safeParse(params.token)
  const outcome: ConfirmCheck = token.success ? await checkGuichetConfirmation(token.data, { appSecret: context.appSecret }) : unknown
  return data({ outcome }, { headers: noStore })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await readForm(request)
  const token = guichetTokenSchema.safeParse(params.token)
  const outcome: ConfirmOutcome = token.success ? await confirmGuichetRequest(token.data, { mailer: context.mailer, appSecret: context.appSecret, publicUrl: context.publicUrl }) : unknown
  return data({ outcome }, { headers: noStore })
}

export default function ConfirmGuichetRequest() {
  const { t } = useTranslation()
  const loaded = useLoaderData<typeof loader>()
  const acted = useActionData<typeof action>()
  const navigation = useNavigation()
  // After the button, the action's answer: the loader run again would only say "already confirmed".
  const outcome = acted?.outcome ?? loaded.outcome
  const success = outcome.status === 'confirmed' || outcome.status === 'already_confirmed'
  return (
    <section aria-labelledby="confirm-title" className="narrow-page">
      <h1 id="confirm-title">{t('territories.confirm.title')}</h1>
      {outcome.status === 'valid' ? (
        <Form method="post">
          <p>{t('territories.confirm.lead')}</p>
          <Button type="submit" pending={navigation.state === 'submitting'}>
            {t('territories.confirm.button')}
          </Button>
        </Form>
      ) : (
        <div className={success ? 'notice notice-success' : 'notice'} role="status">
          <p>{t(`territories.confirm.${outcome.status}`)}</p>
        </div>
      )}
      <p>{outcome.territory ? <Link to={`/territoires/${outcome.territory}`}>{t('territories.confirm.back')}</Link> : <Link to="/territoires">{t('territories.confirm.list')}</Link>}</p>
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
