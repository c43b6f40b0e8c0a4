import { getFormProps, useForm, type Submission, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { Button, ButtonLink } from '~/ui/button'
import { FormErrors, SelectField, TextareaField, TextField, conformField } from '~/ui/field'
import { budgetRanges } from '~/domain/needs/vocabulary'
import { proposalFormSchema } from '~/domain/proposals/schema'
import { proposalLimits } from '~/domain/proposals/vocabulary'
import '~/i18n/areas/needs'
import '~/i18n/areas/proposals'

export type ProposalFormValues = {
  submissionId: string
  orgId: string
  approach: string
  team: string
  durationMonths: string
  costRange: string
  trlStart: string
  trlEnd: string
  partners: string
}

const asText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/**
 * The proposal form (new and edit). A new proposal carries a `submissionId` rendered by the
 * server: sending the same form twice (double click, retry) yields one proposal.
 */
export function ProposalForm({
  mode,
  lastResult,
  defaultValue,
  organisations,
  cancelHref,
}: {
  mode: 'create' | 'edit'
  lastResult?: SubmissionResult<string[]> | null
  defaultValue: Partial<ProposalFormValues>
  organisations: Array<{ id: string; name: string }>
  cancelHref: string
}) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useForm<ProposalFormValues, unknown>({
    id: `proposal-form-${mode}`,
    lastResult,
    defaultValue,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: proposalFormSchema(mode) }) as unknown as Submission<ProposalFormValues, string[], unknown>,
  })
  const pending = navigation.state === 'submitting'
  const none = { value: '', label: t('needs.form.notSpecified') }
  const trlOptions = [none, ...Array.from({ length: 9 }, (_, index) => ({ value: String(index + 1), label: String(index + 1) }))]
  // The id the server rendered wins over anything else: it is what makes a retry harmless.
  const submissionId = asText(fields.submissionId.initialValue) ?? defaultValue.submissionId

  return (
    <Form method="post" {...getFormProps(form)} className="need-form">
      <FormErrors errors={form.errors} />
      {mode === 'create' ? <input type="hidden" name={fields.submissionId.name} value={submissionId} /> : null}
      {fields.submissionId.errors?.length ? <FormErrors errors={fields.submissionId.errors} /> : null}
      {mode === 'create' && organisations.length > 1 ? (
        <SelectField
          {...conformField(fields.orgId)}
          label={t('proposals.form.org')}
          required
          options={organisations.map((org) => ({ value: org.id, label: org.name }))}
        />
      ) : mode === 'create' && organisations[0] ? (
        <>
          <input type="hidden" name={fields.orgId.name} value={organisations[0].id} />
          <p>
            <strong>{t('proposals.form.org')}</strong> {organisations[0].name}
          </p>
        </>
      ) : null}
      <TextareaField
        {...conformField(fields.approach)}
        label={t('proposals.form.approach')}
        hint={t('proposals.form.approachHint')}
        maxLength={proposalLimits.approach}
        rows={8}
        required
      />
      <TextareaField
        {...conformField(fields.team)}
        label={t('proposals.form.team')}
        hint={t('proposals.form.teamHint')}
        maxLength={proposalLimits.team}
        rows={3}
        required
      />
      <div className="need-form-grid">
        <TextField
          {...conformField(fields.durationMonths)}
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          label={t('proposals.form.duration')}
          required
        />
        <SelectField
          {...conformField(fields.costRange, '')}
          label={t('proposals.form.cost')}
          required
          options={[{ value: '', label: t('needs.form.chooseOne') }, ...budgetRanges.map((range) => ({ value: range, label: t(`needs.budget.${range}`) }))]}
        />
        <SelectField
          {...conformField(fields.trlStart, '')}
          label={t('proposals.form.trlStart')}
          hint={t('needs.form.trlHint')}
          options={trlOptions}
        />
        <SelectField
          {...conformField(fields.trlEnd, '')}
          label={t('proposals.form.trlEnd')}
          hint={t('needs.form.trlHint')}
          options={trlOptions}
        />
      </div>
      <TextareaField
        {...conformField(fields.partners)}
        label={t('proposals.form.partners')}
        hint={t('proposals.form.partnersHint')}
        rows={3}
      />
      <p className="need-next">{t('proposals.form.nextSteps')}</p>
      <div className="form-actions">
        <Button type="submit" pending={pending}>
          {mode === 'create' ? t('proposals.form.submit') : t('proposals.form.save')}
        </Button>
        <ButtonLink href={cancelHref} variant="ghost">
          {t('needs.form.cancel')}
        </ButtonLink>
      </div>
    </Form>
  )
}
