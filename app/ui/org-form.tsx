import { getFormProps, useForm, type Submission, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form, useNavigation } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from '~/i18n/react'
import { orgKinds } from '~/domain/orgs/kinds'
import { companySizes, orgCreateSchema, orgLimits, orgUpdateSchema } from '~/domain/orgs/schema'
import { demoTerritories } from '~/domain/places/territories'
import { technologyDomains } from '~/domain/taxonomy/domains'
import { filieres } from '~/domain/taxonomy/filieres'
import type { Language } from '~/i18n/config'
import { Button, ButtonLink } from './button'
import { CheckboxGroup } from './checkbox-group'
import { CommunePicker } from './commune-picker'
import { FormErrors, SelectField, TextareaField, TextField, conformField } from './field'
import '~/i18n/areas/orgs'

/** Every field of the profile form, as the browser submits it (strings and string lists). */
export type OrgFormValues = {
  name: string
  kind: string
  description: string
  domains: string[]
  keywords: string
  equipment: string
  trlMin: string
  trlMax: string
  filieres: string[]
  territories: string[]
  commune: string
  communeSearch: string
  website: string
  size: string
  contactName: string
  contactRole: string
  contactEmail: string
  contactPhone: string
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [])
const asText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

const trlOptions = (none: string) => [{ value: '', label: none }, ...Array.from({ length: 9 }, (_, index) => ({ value: String(index + 1), label: String(index + 1) }))]

/**
 * The organisation profile form (create and edit): one zod schema checked in the browser by
 * conform and again by the action; plain POST, so it works before JavaScript loads.
 */
export function OrgProfileForm({
  mode,
  id,
  lastResult,
  defaultValue,
  showSize,
  cancelHref,
}: {
  mode: 'create' | 'edit'
  id: string
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Partial<OrgFormValues>
  /** The size question only concerns companies (always shown on creation: the kind is not known yet). */
  showSize: boolean
  cancelHref?: string
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const navigation = useNavigation()
  const schema = useMemo(() => (mode === 'create' ? orgCreateSchema() : orgUpdateSchema()), [mode, t])
  const [form, fields] = useForm<OrgFormValues, unknown>({
    id,
    lastResult,
    defaultValue,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    // The create and edit schemas differ by one field; the form is typed by what the browser sends.
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as unknown as Submission<OrgFormValues, string[], unknown>,
  })
  const pending = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'profile'

  const submittedCode = asText(fields.commune.initialValue)
  const submittedSearch = asText(fields.communeSearch.initialValue)
  const defaultCommune = submittedCode && !fields.commune.errors?.length ? { code: submittedCode, label: submittedSearch || submittedCode } : null

  return (
    <Form method="post" {...getFormProps(form)} className="org-form">
      <input type="hidden" name="intent" value="profile" />
      <FormErrors errors={form.errors} />

      <section aria-labelledby={`${id}-identity`} className="org-form-section">
        <h2 id={`${id}-identity`}>{t('orgs.form.sectionIdentity')}</h2>
        <TextField
          {...conformField(fields.name)}
          label={t('orgs.form.name')}
          maxLength={orgLimits.name}
          required
          autoComplete="organization"
        />
        {mode === 'create' ? (
          <SelectField
            {...conformField(fields.kind, '')}
            label={t('orgs.form.kind')}
            hint={t('orgs.form.kindHint')}
            required
            options={[{ value: '', label: t('orgs.form.kindPlaceholder') }, ...orgKinds.map((kind) => ({ value: kind, label: t(`orgKinds.${kind}`) }))]}
          />
        ) : null}
        {showSize ? (
          <SelectField
            {...conformField(fields.size, '')}
            label={t('orgs.form.size')}
            options={[{ value: '', label: t('orgs.form.sizeNone') }, ...companySizes.map((size) => ({ value: size, label: t(`orgs.sizes.${size}`) }))]}
          />
        ) : null}
        <TextareaField
          {...conformField(fields.description)}
          label={t('orgs.form.description')}
          hint={t('orgs.form.descriptionHint')}
          maxLength={orgLimits.description}
          rows={6}
        />
      </section>

      <section aria-labelledby={`${id}-competencies`} className="org-form-section">
        <h2 id={`${id}-competencies`}>{t('orgs.form.sectionCompetencies')}</h2>
        <CheckboxGroup
          legend={t('orgs.form.domains')}
          name={fields.domains.name}
          options={technologyDomains.map((domain) => ({ value: domain.id, label: domain.label[language] ?? domain.label.fr }))}
          defaultValues={asList(fields.domains.initialValue)}
          errors={fields.domains.errors}
        />
        <TextareaField
          {...conformField(fields.keywords)}
          label={t('orgs.form.keywords')}
          hint={t('orgs.form.keywordsHint')}
          rows={3}
        />
        <TextareaField
          {...conformField(fields.equipment)}
          label={t('orgs.form.equipment')}
          hint={t('orgs.form.equipmentHint')}
          rows={4}
        />
        <fieldset className="field org-trl">
          <legend>{t('orgs.form.trl')}</legend>
          <p className="field-hint">{t('orgs.form.trlHint')}</p>
          <div className="org-trl-pair">
            <SelectField
              {...conformField(fields.trlMin, '')}
              label={t('orgs.form.trlMin')}
              options={trlOptions(t('orgs.form.trlNone'))}
            />
            <SelectField
              {...conformField(fields.trlMax, '')}
              label={t('orgs.form.trlMax')}
              options={trlOptions(t('orgs.form.trlNone'))}
            />
          </div>
        </fieldset>
        <CheckboxGroup
          legend={t('orgs.form.filieres')}
          name={fields.filieres.name}
          options={filieres.map((filiere) => ({ value: filiere.id, label: filiere.label[language] ?? filiere.label.fr }))}
          defaultValues={asList(fields.filieres.initialValue)}
          errors={fields.filieres.errors}
        />
      </section>

      <section aria-labelledby={`${id}-place`} className="org-form-section">
        <h2 id={`${id}-place`}>{t('orgs.form.sectionPlace')}</h2>
        <CommunePicker
          label={t('orgs.form.commune')}
          hint={t('orgs.form.communeHint')}
          noScriptHint={t('orgs.form.communeHintNoScript')}
          required
          errors={fields.commune.errors ?? fields.communeSearch.errors}
          defaultCommune={defaultCommune}
          defaultSearch={defaultCommune ? undefined : submittedSearch}
          codeName={fields.commune.name}
          searchName={fields.communeSearch.name}
        />
        <CheckboxGroup
          legend={t('orgs.form.territories')}
          hint={t('orgs.form.territoriesHint')}
          name={fields.territories.name}
          options={demoTerritories.map((territory) => ({ value: territory.id, label: territory.name, lang: 'fr' }))}
          defaultValues={asList(fields.territories.initialValue)}
          errors={fields.territories.errors}
        />
      </section>

      <section aria-labelledby={`${id}-contact`} className="org-form-section">
        <h2 id={`${id}-contact`}>{t('orgs.form.sectionContact')}</h2>
        <TextField
          {...conformField(fields.website)}
          type="url"
          inputMode="url"
          label={t('orgs.form.website')}
          hint={t('orgs.form.websiteHint')}
          maxLength={orgLimits.website}
        />
        <p className="field-hint">{t('orgs.form.contactHint')}</p>
        <div className="org-form-grid">
          <TextField
            {...conformField(fields.contactName)}
            label={t('orgs.form.contactName')}
            maxLength={orgLimits.contactName}
          />
          <TextField
            {...conformField(fields.contactRole)}
            label={t('orgs.form.contactRole')}
            maxLength={orgLimits.contactRole}
          />
          <TextField
            {...conformField(fields.contactEmail)}
            type="email"
            label={t('orgs.form.contactEmail')}
            maxLength={orgLimits.contactEmail}
          />
          <TextField
            {...conformField(fields.contactPhone)}
            type="tel"
            label={t('orgs.form.contactPhone')}
            maxLength={orgLimits.contactPhone}
          />
        </div>
      </section>

      <div className="org-form-actions">
        <Button type="submit" pending={pending}>
          {mode === 'create' ? t('orgs.form.submitCreate') : t('orgs.form.submitUpdate')}
        </Button>
        {cancelHref ? (
          <ButtonLink href={cancelHref} variant="ghost">
            {t('orgs.form.cancel')}
          </ButtonLink>
        ) : null}
      </div>
    </Form>
  )
}
