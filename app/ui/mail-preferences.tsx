import { Form } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { mailKinds, modesFor, type MailPreferences } from '~/domain/notifications/preferences'
import { Button } from './button'
import { SelectField } from './field'
import '~/i18n/areas/mail'

/** « Mon compte » → E-mails: one choice per kind of event (issue 14). Works without JavaScript. */
export function MailPreferencesSection({ preferences, emailVerified, pending }: { preferences: MailPreferences; emailVerified: boolean; pending: boolean }) {
  const { t } = useTranslation()
  return (
    <section className="account-section" aria-labelledby="emails">
      <h2 id="emails">{t('mail.preferences.title')}</h2>
      <p>{t('mail.preferences.lead')}</p>
      {emailVerified ? null : <p className="status-line status-warning">{t('mail.preferences.unverified')}</p>}
      <Form method="post" className="auth-form" id="preferences-email">
        {mailKinds.map((kind) => (
          <SelectField
            key={kind}
            id={`mail-${kind}`}
            name={kind}
            label={t(`mail.kinds.${kind}`)}
            defaultValue={preferences[kind]}
            options={modesFor(kind).map((mode) => ({ value: mode, label: t(`mail.modes.${mode}`) }))}
          />
        ))}
        <Button type="submit" name="intent" value="mail-preferences" pending={pending}>
          {t('mail.preferences.save')}
        </Button>
      </Form>
    </section>
  )
}
