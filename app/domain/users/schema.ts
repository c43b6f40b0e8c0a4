import { z } from 'zod'
import { supportedLanguages } from '~/i18n/config'
import '~/i18n/areas/auth'

/**
 * Zod schemas of the user's own profile, shared by the form (browser) and the action.
 * Error messages are i18n keys: the form translates them, in the reader's language.
 */
export const NAME_MAX_LENGTH = 120
export const TITLE_MAX_LENGTH = 160

export const nameSchema = z
  .string({ required_error: 'auth.validation.nameRequired' })
  .trim()
  .min(2, 'auth.validation.nameTooShort')
  .max(NAME_MAX_LENGTH, 'auth.validation.nameTooLong')

export const titleSchema = z.string().trim().max(TITLE_MAX_LENGTH, 'auth.validation.titleTooLong').default('')

export const profileSchema = z.object({
  name: nameSchema,
  title: titleSchema,
  language: z.enum(supportedLanguages, { errorMap: () => ({ message: 'auth.validation.languageInvalid' }) }),
})

export type ProfileInput = z.infer<typeof profileSchema>
