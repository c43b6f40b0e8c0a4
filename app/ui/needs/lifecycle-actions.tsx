import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import type { NeedAction, NeedStatus } from '~/domain/needs/lifecycle'
import { Button } from '~/ui/button'
import { TextareaField, TextField } from '~/ui/field'
import '~/i18n/areas/needs'

/** The need page's lifecycle parts: the next step and one small form per available action (needs/lifecycle.ts). */

/** What happens next, said to the company (or to a reviewer of a submitted need). */
export function NextSteps({ status, relation, projectId }: { status: NeedStatus; relation: { companyMember: boolean; reviewer: boolean }; projectId: string | null }) {
  const { t } = useTranslation()
  if (relation.reviewer && status === 'submitted' && !relation.companyMember) {
    return <p className="callout need-next">{t('needs.detail.reviewerNote')}</p>
  }
  if (!relation.companyMember) {
    return projectId ? (
      <p className="callout need-next">
        <Link to={`/projets/${projectId}`}>{t('needs.detail.openProject')}</Link>
      </p>
    ) : null
  }
  return (
    <div className="callout need-next">
      <p>{t(`needs.detail.nextSteps.${status}`)}</p>
      {projectId ? (
        <p>
          <Link to={`/projets/${projectId}`}>{t('needs.detail.openProject')}</Link>
        </p>
      ) : null}
    </div>
  )
}

/** One lifecycle button in its own small form; some ask for a reason or a new deadline. */
export function LifecycleForm({ action, expired, today, errors }: { action: NeedAction; expired: boolean; today: string; errors: Record<string, string[] | null> | null | undefined }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const pending = navigation.state === 'submitting' && navigation.formData?.get('intent') === action
  const variant = action === 'abandon' ? 'danger' : action === 'submit' || action === 'approve' || action === 'reopen' ? 'primary' : 'secondary'
  const needsReason = action === 'return_to_draft'
  return (
    <Form method="post" className={needsReason || (action === 'reopen' && expired) ? 'lifecycle-form lifecycle-form-wide' : 'lifecycle-form'}>
      <input type="hidden" name="intent" value={action} />
      {needsReason ? <TextareaField name="reason" label={t('needs.detail.reason')} rows={3} maxLength={1000} required errors={errors?.reason ?? null} /> : null}
      {action === 'reopen' && expired ? (
        <TextField name="deadline" type="date" min={today} label={t('needs.form.deadline')} hint={t('needs.form.deadlineHint')} required errors={errors?.deadline ?? null} />
      ) : null}
      <Button type="submit" variant={variant} pending={pending}>
        {t(`needs.actions.${action as 'submit'}`)}
      </Button>
    </Form>
  )
}
