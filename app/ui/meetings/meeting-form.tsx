import { getFormProps, useForm, type Submission, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form, useNavigation } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from '~/i18n/react'
import type { Language } from '~/i18n/config'
import { translateMessages } from '~/i18n/translate-message'
import { meetingFormSchema, meetingLimits } from '~/domain/meetings/schema'
import { technologyDomains } from '~/domain/taxonomy/domains'
import { filieres } from '~/domain/taxonomy/filieres'
import { Button, ButtonLink } from '~/ui/button'
import { CheckboxGroup } from '~/ui/checkbox-group'
import { CommunePicker } from '~/ui/commune-picker'
import { FormErrors, SelectField, TextareaField, TextField, conformField } from '~/ui/field'
import '~/i18n/areas/meetings'

/** Every field of the meeting form as the browser sends it (dates as datetime-local, Paris time). */
export type MeetingFormValues = {
  title: string
  description: string
  scope: string
  startsAt: string
  endsAt: string
  registrationDeadline: string
  mode: string
  commune: string
  communeSearch: string
  onlineUrl: string
  organisers: string[]
  domains: string[]
  filieres: string[]
  capacity: string
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [])
const asText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/**
 * The meeting form (create and edit). Works without JavaScript: the place and the link are both
 * there, the « Lieu / En ligne » choice says which one counts. Times are Paris time, said so.
 */
export function MeetingForm({
  mode,
  lastResult,
  defaultValue,
  defaultCommune,
  spaces,
  organisers,
  cancelHref,
}: {
  mode: 'create' | 'edit'
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Partial<MeetingFormValues>
  defaultCommune?: { code: string; label: string } | null
  spaces: Array<{ value: string; name: string }>
  organisers: Array<{ id: string; name: string }>
  cancelHref: string
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const navigation = useNavigation()
  const modeId = useId()
  const [form, fields] = useForm<MeetingFormValues, unknown>({
    id: `meeting-form-${mode}`,
    lastResult,
    defaultValue,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: meetingFormSchema() }) as unknown as Submission<MeetingFormValues, string[], unknown>,
  })
  const submittedCode = asText(fields.commune.initialValue)
  const submittedSearch = asText(fields.communeSearch.initialValue)
  const communeChoice = submittedCode && !fields.commune.errors?.length ? { code: submittedCode, label: submittedSearch || submittedCode } : lastResult ? null : (defaultCommune ?? null)
  const chosenMode = asText(fields.mode.initialValue) ?? 'place'
  const modeErrors = translateMessages(t, fields.mode.errors) ?? []

  return (
    <Form method="post" {...getFormProps(form)} className="need-form">
      <FormErrors errors={form.errors} />
      <fieldset className="need-form-section">
        <legend>{t('meetings.form.what')}</legend>
        <TextField {...conformField(fields.title)} label={t('meetings.form.title')} maxLength={meetingLimits.title} required />
        <TextareaField {...conformField(fields.description)} label={t('meetings.form.description')} maxLength={meetingLimits.description} rows={5} />
        <SelectField
          {...conformField(fields.scope, spaces[0]?.value)}
          label={t('meetings.form.scope')}
          hint={t('meetings.form.scopeHint')}
          required
          options={spaces.map((space) => ({ value: space.value, label: space.name }))}
        />
      </fieldset>

      <fieldset className="need-form-section">
        <legend>{t('meetings.form.when')}</legend>
        <p className="muted">{t('meetings.form.timeZoneHint')}</p>
        <TextField {...conformField(fields.startsAt)} type="datetime-local" label={t('meetings.form.startsAt')} required />
        <TextField {...conformField(fields.endsAt)} type="datetime-local" label={t('meetings.form.endsAt')} required />
        <TextField
          {...conformField(fields.registrationDeadline)}
          type="datetime-local"
          label={t('meetings.form.registrationDeadline')}
          hint={t('meetings.form.registrationDeadlineHint')}
        />
        <TextField {...conformField(fields.capacity)} type="number" inputMode="numeric" min={1} max={meetingLimits.capacity} label={t('meetings.form.capacity')} required />
      </fieldset>

      <fieldset className="need-form-section">
        <legend>{t('meetings.form.where')}</legend>
        <fieldset className="radio-group" aria-describedby={modeErrors.length ? `${modeId}-errors` : undefined}>
          <legend>{t('meetings.form.mode')}</legend>
          <ul className="radio-list">
            {(['place', 'online'] as const).map((value) => (
              <li key={value}>
                <label>
                  <input type="radio" name={fields.mode.name} value={value} defaultChecked={chosenMode === value} /> {t(`meetings.form.modes.${value}`)}
                </label>
              </li>
            ))}
          </ul>
          {modeErrors.length ? (
            <ul id={`${modeId}-errors`} className="field-errors">
              {modeErrors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          ) : null}
        </fieldset>
        <CommunePicker
          label={t('meetings.form.commune')}
          hint={t('meetings.form.communeHint')}
          noScriptHint={t('meetings.form.communeHint')}
          errors={fields.commune.errors ?? fields.communeSearch.errors}
          defaultCommune={communeChoice}
          defaultSearch={communeChoice ? undefined : submittedSearch}
          codeName={fields.commune.name}
          searchName={fields.communeSearch.name}
        />
        <TextField {...conformField(fields.onlineUrl)} type="url" label={t('meetings.form.onlineUrl')} hint={t('meetings.form.onlineUrlHint')} maxLength={meetingLimits.url} />
      </fieldset>

      <details className="need-form-more" open={mode === 'edit' || undefined}>
        <summary>{t('meetings.form.more')}</summary>
        {organisers.length ? (
          <CheckboxGroup
            legend={t('meetings.form.organisers')}
            name={fields.organisers.name}
            options={organisers.map((org) => ({ value: org.id, label: org.name }))}
            defaultValues={asList(fields.organisers.initialValue)}
            errors={fields.organisers.errors}
          />
        ) : null}
        <CheckboxGroup
          legend={t('meetings.form.domains')}
          name={fields.domains.name}
          options={technologyDomains.map((domain) => ({ value: domain.id, label: domain.label[language] ?? domain.label.fr }))}
          defaultValues={asList(fields.domains.initialValue)}
          errors={fields.domains.errors}
        />
        <CheckboxGroup
          legend={t('meetings.form.filieres')}
          name={fields.filieres.name}
          options={filieres.map((filiere) => ({ value: filiere.id, label: filiere.label[language] ?? filiere.label.fr }))}
          defaultValues={asList(fields.filieres.initialValue)}
          errors={fields.filieres.errors}
        />
      </details>

      <div className="button-row">
        <Button type="submit" pending={navigation.state === 'submitting'}>
          {mode === 'create' ? t('meetings.form.create') : t('meetings.form.save')}
        </Button>
        <ButtonLink href={cancelHref} variant="secondary">
          {t('meetings.form.cancel')}
        </ButtonLink>
      </div>
    </Form>
  )
}
