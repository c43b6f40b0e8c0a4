import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import type { AlertView } from '~/domain/alerts/service.server'
import { alertFrequencies } from '~/domain/alerts/vocabulary'
import { Button, ButtonLink } from '../button'
import { FormErrors, SelectField, TextField } from '../field'
import '~/i18n/areas/alerts'

export type AlertRowReply = { itemId: string; formErrors: string[]; fieldErrors: Record<string, string[]> }

/**
 * « Mes alertes »: one form per alert (rename, frequency, on/off) and its delete button, which
 * first asks for confirmation on the page itself (`?supprimer=<id>`), so it needs no JavaScript.
 */
export function AlertList({ alerts, confirmDelete, reply }: { alerts: AlertView[]; confirmDelete: string | null; reply?: AlertRowReply }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const busy = (intent: string, id: string) => navigation.state === 'submitting' && navigation.formData?.get('intent') === intent && navigation.formData?.get('alertId') === id
  return (
    <ul className="alert-list">
      {alerts.map((alert) => {
        const errors = reply?.itemId === alert.id ? reply : undefined
        return (
          <li key={alert.id} id={`alerte-${alert.id}`} className="card alert-item">
            <h2 className="alert-title">{alert.name}</h2>
            <p className="muted">
              {t(`alerts.frequencies.${alert.frequency}`)} · <Link to={alert.href}>{t('alerts.account.open')}</Link>
            </p>
            {alert.enabled ? null : <p className="status-line status-warning">{t('alerts.account.paused')}</p>}
            <Form method="post" className="alert-form" aria-label={alert.name}>
              <FormErrors errors={errors?.formErrors} />
              <input type="hidden" name="alertId" value={alert.id} />
              <TextField id={`alert-${alert.id}-name`} name="name" label={t('alerts.account.name')} defaultValue={alert.name} maxLength={80} required errors={errors?.fieldErrors.name} />
              <SelectField
                id={`alert-${alert.id}-frequency`}
                name="frequency"
                label={t('alerts.account.frequency')}
                defaultValue={alert.frequency}
                options={alertFrequencies.map((frequency) => ({ value: frequency, label: t(`alerts.frequencies.${frequency}`) }))}
              />
              <div className="org-checkbox">
                <input type="checkbox" id={`alert-${alert.id}-enabled`} name="enabled" defaultChecked={alert.enabled} />
                <label htmlFor={`alert-${alert.id}-enabled`}>{t('alerts.account.enabled')}</label>
              </div>
              <div className="form-actions">
                <Button type="submit" name="intent" value="update" pending={busy('update', alert.id)}>
                  {t('alerts.account.save')}
                </Button>
                {confirmDelete === alert.id ? null : (
                  <ButtonLink href={`/compte/alertes?supprimer=${alert.id}#alerte-${alert.id}`} variant="secondary" aria-label={t('alerts.account.deleteLabel', { name: alert.name })}>
                    {t('alerts.account.delete')}
                  </ButtonLink>
                )}
              </div>
            </Form>
            {confirmDelete === alert.id ? (
              <Form method="post" className="confirm-box" role="group" aria-labelledby={`alert-${alert.id}-confirm`}>
                <p id={`alert-${alert.id}-confirm`}>{t('alerts.account.deleteConfirm', { name: alert.name })}</p>
                <input type="hidden" name="alertId" value={alert.id} />
                <div className="form-actions">
                  <Button type="submit" name="intent" value="delete" variant="danger" pending={busy('delete', alert.id)}>
                    {t('alerts.account.delete')}
                  </Button>
                  <ButtonLink href={`/compte/alertes#alerte-${alert.id}`} variant="secondary">
                    {t('alerts.account.cancel')}
                  </ButtonLink>
                </div>
              </Form>
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}
