import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { slotGridFormSchema } from '~/domain/meetings/one-to-ones.schema'
import { gridLimits } from '~/domain/meetings/scheduler'
import { Button } from '../button'
import { FormErrors, TextField, conformField } from '../field'
import '~/i18n/areas/brokerage'

export type GridFormValues = { slotMinutes: string; tables: string; firstSlotAt: string; lastSlotEndsAt: string }

/** The animator's slot grid: slot length, tables, first slot and end of the last, in Paris time. Checked in the browser and again by the service. */
export function SlotGridForm({ lastResult, defaultValue }: { lastResult?: SubmissionResult<string[]> | null; defaultValue: GridFormValues }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'slot-grid',
    lastResult,
    defaultValue,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: slotGridFormSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="slot-grid-form">
      <FormErrors errors={form.errors} />
      <TextField
        {...conformField(fields.slotMinutes)}
        type="number"
        min={gridLimits.minSlotMinutes}
        max={gridLimits.maxSlotMinutes}
        step={5}
        label={t('brokerage.grid.slotMinutes')}
        required
      />
      <TextField {...conformField(fields.tables)} type="number" min={1} max={gridLimits.maxTables} label={t('brokerage.grid.tables')} required />
      <TextField {...conformField(fields.firstSlotAt)} type="datetime-local" label={t('brokerage.grid.firstSlotAt')} required />
      <TextField {...conformField(fields.lastSlotEndsAt)} type="datetime-local" label={t('brokerage.grid.lastSlotEndsAt')} required />
      <div className="form-actions">
        <Button type="submit" pending={navigation.state === 'submitting'}>
          {t('brokerage.grid.submit')}
        </Button>
      </div>
    </Form>
  )
}
