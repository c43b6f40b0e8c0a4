import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useMemo, type ReactNode } from 'react'
import { useTranslation } from '~/i18n/react'
import { inviteSchema } from '~/domain/orgs/schema'
import { Button } from '~/ui/button'
import { FormErrors, TextField } from '~/ui/field'
import '~/i18n/areas/orgs'

/** Parts of an organisation's members page: the invitation form and a button that shows its own form's pending state. */

/** What the page's action answers about one of its forms (conform's reply). */
type FormReply = { form?: string; result?: SubmissionResult<string[]> } | undefined

export function InviteForm() {
  const { t } = useTranslation()
  const actionData = useActionData<FormReply>()
  const schema = useMemo(() => inviteSchema(), [t])
  const [form, fields] = useForm({
    id: 'inviter-membre',
    lastResult: actionData?.form === 'invite' ? actionData.result : undefined,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <section aria-labelledby="invite-title" className="card org-section">
      <h2 id="invite-title">{t('orgs.members.inviteTitle')}</h2>
      <p>{t('orgs.members.inviteLead')}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="invite" />
        <FormErrors errors={form.errors} />
        <TextField
          id={fields.email.id}
          name={fields.email.name}
          defaultValue={typeof fields.email.initialValue === 'string' ? fields.email.initialValue : undefined}
          type="email"
          autoComplete="off"
          label={t('orgs.members.inviteEmail')}
          required
          errors={fields.email.errors}
        />
        <PendingButton intent="invite">{t('orgs.members.inviteSubmit')}</PendingButton>
      </Form>
    </section>
  )
}

/** A submit button that shows it is working while its own form (by intent) is being sent. */
export function PendingButton({ intent, children, ...rest }: { intent: string; children: ReactNode; variant?: 'primary' | 'secondary' | 'ghost' | 'danger'; 'aria-label'?: string }) {
  const navigation = useNavigation()
  const pending = navigation.state === 'submitting' && navigation.formData?.get('intent') === intent
  return (
    <Button type="submit" pending={pending} {...rest}>
      {children}
    </Button>
  )
}
