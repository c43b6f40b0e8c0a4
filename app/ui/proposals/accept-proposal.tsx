import { Form, useLocation, useNavigation, useSearchParams } from '@remix-run/react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from '~/i18n/react'
import { Button, ButtonLink } from '~/ui/button'
import { Dialog } from '~/ui/dialog'
import { useHydrated } from '~/ui/use-hydrated'
import '~/i18n/areas/proposals'

/** The query parameter that shows the confirmation in the page when scripts have not run. */
export const acceptParam = 'accepter'

/**
 * Accepting is irreversible, so it takes two steps: the button opens a native <dialog> naming the
 * partner and what follows; before scripts load it is a link to the same confirmation rendered
 * in the page (?accepter=<id>), so the journey works without JavaScript too.
 */
type Accepting = { proposalId: string; orgName: string; othersClosed: number }

export function AcceptProposal({ proposalId, orgName, othersClosed, describedBy }: Accepting & { describedBy: string }) {
  const { t } = useTranslation()
  const hydrated = useHydrated()
  const [open, setOpen] = useState(false)
  if (!hydrated) {
    return (
      <ButtonLink href={`?${acceptParam}=${proposalId}#accept-${proposalId}`} aria-describedby={describedBy}>
        {t('proposals.decisions.accept')}
      </ButtonLink>
    )
  }
  return (
    <>
      <Button type="button" aria-haspopup="dialog" aria-describedby={describedBy} onClick={() => setOpen(true)}>
        {t('proposals.decisions.accept')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('proposals.accept.title', { org: orgName })}>
        <AcceptConfirmation
          proposalId={proposalId}
          orgName={orgName}
          othersClosed={othersClosed}
          cancel={
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('proposals.accept.cancel')}
            </Button>
          }
        />
      </Dialog>
    </>
  )
}

/** The same confirmation in the page, when the link was followed (no JavaScript yet). */
export function AcceptInPage({ proposalId, orgName, othersClosed }: Accepting) {
  const { t } = useTranslation()
  const [searchParams] = useSearchParams()
  const location = useLocation()
  if (searchParams.get(acceptParam) !== proposalId) return null
  return (
    <section className="callout callout-warning accept-confirmation" id={`accept-${proposalId}`} aria-labelledby={`accept-title-${proposalId}`}>
      <h4 id={`accept-title-${proposalId}`}>{t('proposals.accept.title', { org: orgName })}</h4>
      <AcceptConfirmation
        proposalId={proposalId}
        orgName={orgName}
        othersClosed={othersClosed}
        cancel={
          <ButtonLink href={location.pathname} variant="secondary">
            {t('proposals.accept.cancel')}
          </ButtonLink>
        }
      />
    </section>
  )
}

function AcceptConfirmation({ proposalId, orgName, othersClosed, cancel }: Accepting & { cancel: ReactNode }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const pending = navigation.state === 'submitting' && navigation.formData?.get('proposalId') === proposalId && navigation.formData.get('intent') === 'accept'
  return (
    <>
      <p>{t('proposals.accept.lead', { org: orgName })}</p>
      <ul className="accept-consequences">
        <li>{t('proposals.accept.room', { org: orgName })}</li>
        <li>{othersClosed ? t('proposals.accept.others', { count: othersClosed }) : t('proposals.accept.noOthers')}</li>
        <li>{t('proposals.accept.need')}</li>
      </ul>
      <p>
        <strong>{t('proposals.accept.irreversible')}</strong>
      </p>
      <Form method="post" className="need-actions-list">
        <input type="hidden" name="intent" value="accept" />
        <input type="hidden" name="proposalId" value={proposalId} />
        <Button type="submit" pending={pending}>
          {t('proposals.accept.confirm', { org: orgName })}
        </Button>
        {cancel}
      </Form>
    </>
  )
}
