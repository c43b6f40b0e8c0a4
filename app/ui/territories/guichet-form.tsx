import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { guestContactSchema, GUICHET_MESSAGE_MAX, GUICHET_SUBJECT_MAX, memberContactSchema } from '~/domain/territories/guichet-schema'
import { Button } from '~/ui/button'
import { conformField, FormErrors, TextareaField, TextField } from '~/ui/field'
import '~/i18n/areas/territories'

/**
 * « Contacter le guichet »: the same short form for everyone; a guest also says who they are and
 * is told their request waits for the link sent to their e-mail.
 */
export function GuichetForm({ memberName, lastResult }: { memberName: string | null; lastResult?: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const schema = memberName ? memberContactSchema() : guestContactSchema()
  const [form, fields] = useForm({
    id: 'guichet-form',
    lastResult,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const guest = fields as typeof fields & Partial<Record<'name' | 'email' | 'company', (typeof fields)['subject']>>
  return (
    <section aria-labelledby="guichet-title" className="card territory-guichet" id="guichet">
      <h2 id="guichet-title">{t('territories.guichet.title')}</h2>
      <p>{t('territories.guichet.lead')}</p>
      <p className="muted">{memberName ? t('territories.guichet.asMember', { name: memberName }) : t('territories.guichet.asGuest')}</p>
      <Form method="post" {...getFormProps(form)} aria-label={t('territories.guichet.title')}>
        <FormErrors errors={form.errors} id={form.errorId} />
        {!memberName && guest.name && guest.email && guest.company ? (
          <>
            <TextField {...conformField(guest.name)} label={t('territories.guichet.name')} autoComplete="name" maxLength={120} required />
            <TextField {...conformField(guest.email)} type="email" label={t('territories.guichet.email')} autoComplete="email" maxLength={254} required />
            <TextField {...conformField(guest.company)} label={t('territories.guichet.company')} autoComplete="organization" maxLength={160} required />
          </>
        ) : null}
        <TextField {...conformField(fields.subject)} label={t('territories.guichet.subject')} maxLength={GUICHET_SUBJECT_MAX} required />
        <TextareaField {...conformField(fields.message)} label={t('territories.guichet.message')} maxLength={GUICHET_MESSAGE_MAX} required />
        <TextField {...conformField(fields.commune)} label={t('territories.guichet.commune')} autoComplete="address-level2" maxLength={80} />
        <Button type="submit" pending={navigation.state === 'submitting'}>
          {t('territories.guichet.submit')}
        </Button>
      </Form>
    </section>
  )
}
