import { getFormProps, useForm, type Submission, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form, useNavigation } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from '~/i18n/react'
import { translateMessages } from '~/i18n/translate-message'
import type { Language } from '~/i18n/config'
import { Button, ButtonLink } from '~/ui/button'
import { CheckboxGroup } from '~/ui/checkbox-group'
import { CommunePicker } from '~/ui/commune-picker'
import { FormErrors, SelectField, TextareaField, TextField, conformField } from '~/ui/field'
import { demoTerritories } from '~/domain/places/territories'
import { technologyDomains } from '~/domain/taxonomy/domains'
import { filieres } from '~/domain/taxonomy/filieres'
import { needFormSchema } from '~/domain/needs/schema'
import { budgetRanges, confidentialityLevels, needCategories, needIntentOf, needLimits, needStages, todayUtc } from '~/domain/needs/vocabulary'
import '~/i18n/areas/needs'

/** Every field of the need form as the browser sends it. */
export type NeedFormValues = {
  orgId: string
  title: string
  summary: string
  category: string
  domains: string[]
  commune: string
  communeSearch: string
  filiere: string
  trlCurrent: string
  trlTarget: string
  stage: string
  budgetRange: string
  deadline: string
  territory: string
  confidentiality: string
  description: string
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [])
const asText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

const detailFields = ['filiere', 'trlCurrent', 'trlTarget', 'stage', 'budgetRange', 'deadline', 'territory', 'confidentiality', 'description'] as const

/**
 * The need form: the short first version on top (under two minutes), the rest folded in a
 * native <details> so it works without JavaScript. "Save draft" comes first in the markup so
 * that Enter in a field never publishes by accident.
 */
export function NeedForm({
  mode,
  lastResult,
  defaultValue,
  defaultCommune,
  companies,
  canSubmit,
  cancelHref,
}: {
  mode: 'create' | 'edit'
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Partial<NeedFormValues>
  /** The commune on record or the company's, as the picker shows it. */
  defaultCommune?: { code: string; label: string } | null
  /** Companies the user may post for (a choice only when there are several). */
  companies: Array<{ id: string; name: string }>
  /** A draft may be published from the form; an online need is only saved. */
  canSubmit: boolean
  cancelHref: string
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const navigation = useNavigation()
  const id = useId()
  const [form, fields] = useForm<NeedFormValues, unknown>({
    id: `need-form-${mode}`,
    lastResult,
    defaultValue,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: needFormSchema(needIntentOf(formData.get('intent'))) }) as unknown as Submission<NeedFormValues, string[], unknown>,
  })
  const submitting = navigation.state === 'submitting' ? navigation.formData?.get('intent') : null
  const detailsOpen = mode === 'edit' || detailFields.some((name) => fields[name].errors?.length)

  const submittedCode = asText(fields.commune.initialValue)
  const submittedSearch = asText(fields.communeSearch.initialValue)
  // After a refused submission, what the person picked or typed wins over the prefilled commune.
  const communeChoice =
    submittedCode && !fields.commune.errors?.length ? { code: submittedCode, label: submittedSearch || submittedCode } : lastResult ? null : (defaultCommune ?? null)
  const notSpecified = { value: '', label: t('needs.form.notSpecified') }
  const trlOptions = [notSpecified, ...Array.from({ length: 9 }, (_, index) => ({ value: String(index + 1), label: String(index + 1) }))]

  return (
    <Form method="post" {...getFormProps(form)} className="need-form">
      <FormErrors errors={form.errors} />

      <fieldset className="need-form-section">
        <legend>{t('needs.form.firstVersion')}</legend>
        {companies.length > 1 ? (
          <SelectField
            id={fields.orgId.id}
            name={fields.orgId.name}
            defaultValue={asText(fields.orgId.initialValue) ?? companies[0]!.id}
            label={t('needs.form.company')}
            hint={t('needs.form.companyHint')}
            required
            errors={fields.orgId.errors}
            options={companies.map((company) => ({ value: company.id, label: company.name }))}
          />
        ) : companies[0] ? (
          <p className="need-form-company">
            <input type="hidden" name={fields.orgId.name} value={companies[0].id} />
            {t('needs.form.postedFor', { name: companies[0].name })}
          </p>
        ) : null}
        <TextField
          {...conformField(fields.title)}
          label={t('needs.form.title')}
          hint={t('needs.form.titleHint')}
          maxLength={needLimits.title}
          required
        />
        <TextareaField
          {...conformField(fields.summary)}
          label={t('needs.form.summary')}
          hint={t('needs.form.summaryHint')}
          maxLength={needLimits.summary}
          rows={3}
        />
        <SelectField
          {...conformField(fields.category, '')}
          label={t('needs.form.category')}
          options={[{ value: '', label: t('needs.form.chooseOne') }, ...needCategories.map((category) => ({ value: category, label: t(`needs.category.${category}`) }))]}
        />
        <CheckboxGroup
          legend={t('needs.form.domains')}
          hint={t('needs.form.domainsHint')}
          name={fields.domains.name}
          options={technologyDomains.map((domain) => ({ value: domain.id, label: domain.label[language] ?? domain.label.fr }))}
          defaultValues={asList(fields.domains.initialValue)}
          errors={fields.domains.errors}
        />
        <CommunePicker
          label={t('needs.form.commune')}
          hint={t('needs.form.communePickerHint')}
          noScriptHint={t('needs.form.communeHint')}
          errors={fields.commune.errors ?? fields.communeSearch.errors}
          defaultCommune={communeChoice}
          defaultSearch={communeChoice ? undefined : submittedSearch}
          codeName={fields.commune.name}
          searchName={fields.communeSearch.name}
        />
      </fieldset>

      <details className="need-form-more" open={detailsOpen || undefined}>
        <summary>
          {t('needs.form.moreDetails')}
          <span className="muted"> — {t('needs.form.moreDetailsHint')}</span>
        </summary>
        <div className="need-form-grid">
          <SelectField
            {...conformField(fields.filiere, '')}
            label={t('needs.form.filiere')}
            options={[notSpecified, ...filieres.map((filiere) => ({ value: filiere.id, label: filiere.label[language] }))]}
          />
          <SelectField
            {...conformField(fields.stage, '')}
            label={t('needs.form.stage')}
            options={[notSpecified, ...needStages.map((stage) => ({ value: stage, label: t(`needs.stage.${stage}`) }))]}
          />
          <SelectField
            {...conformField(fields.trlCurrent, '')}
            label={t('needs.form.trlCurrent')}
            hint={t('needs.form.trlHint')}
            options={trlOptions}
          />
          <SelectField
            {...conformField(fields.trlTarget, '')}
            label={t('needs.form.trlTarget')}
            hint={t('needs.form.trlHint')}
            options={trlOptions}
          />
          <SelectField
            {...conformField(fields.budgetRange, '')}
            label={t('needs.form.budget')}
            options={[notSpecified, ...budgetRanges.map((range) => ({ value: range, label: t(`needs.budget.${range}`) }))]}
          />
          <TextField
            id={fields.deadline.id}
            name={fields.deadline.name}
            type="date"
            min={todayUtc()}
            defaultValue={asText(fields.deadline.initialValue)}
            label={t('needs.form.deadline')}
            hint={t('needs.form.deadlineHint')}
            errors={fields.deadline.errors}
          />
          <SelectField
            {...conformField(fields.territory, '')}
            label={t('needs.form.territory')}
            options={[notSpecified, ...demoTerritories.map((territory) => ({ value: territory.id, label: territory.name }))]}
          />
        </div>
        <fieldset className="field radio-group" aria-describedby={fields.confidentiality.errors?.length ? `${id}-confidentiality-error` : undefined}>
          <legend>{t('needs.form.confidentiality')}</legend>
          <ul className="radio-list">
            {confidentialityLevels.map((level) => (
              <li key={level}>
                <input
                  type="radio"
                  id={`${id}-confidentiality-${level}`}
                  name={fields.confidentiality.name}
                  value={level}
                  defaultChecked={(asText(fields.confidentiality.initialValue) ?? 'members') === level}
                  aria-describedby={`${id}-confidentiality-${level}-hint`}
                />
                <label htmlFor={`${id}-confidentiality-${level}`}>{t(`needs.confidentiality.${level}`)}</label>
                <p className="field-hint" id={`${id}-confidentiality-${level}-hint`}>
                  {t(`needs.confidentialityHint.${level}`)}
                </p>
              </li>
            ))}
          </ul>
          {fields.confidentiality.errors?.length ? (
            <ul className="field-errors" id={`${id}-confidentiality-error`}>
              {translateMessages(t, fields.confidentiality.errors)!.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          ) : null}
        </fieldset>
        <TextareaField
          {...conformField(fields.description)}
          label={t('needs.form.description')}
          hint={t('needs.form.descriptionHint')}
          maxLength={needLimits.description}
          rows={8}
        />
      </details>

      <p className="need-next">{t('needs.form.nextSteps')}</p>
      <div className="form-actions">
        {canSubmit ? (
          <>
            <Button type="submit" name="intent" value="draft" variant="secondary" pending={submitting === 'draft'}>
              {t('needs.form.saveDraft')}
            </Button>
            <Button type="submit" name="intent" value="submit" pending={submitting === 'submit'}>
              {t('needs.form.submit')}
            </Button>
          </>
        ) : (
          <Button type="submit" name="intent" value="draft" pending={submitting === 'draft'}>
            {t('needs.form.save')}
          </Button>
        )}
        <ButtonLink href={cancelHref} variant="ghost">
          {t('needs.form.cancel')}
        </ButtonLink>
      </div>
    </Form>
  )
}
