import { z } from 'zod'
import { selfServiceRoles } from '../users/roles'
import { nameSchema } from '../users/schema'
import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules'
import '~/i18n/areas/auth'

/**
 * One zod schema per form, shared by the browser (conform) and the action (parseWithZod).
 * Messages are i18n keys under `auth.validation`; forms translate them for the reader.
 */

/** Addresses are compared and stored trimmed and lower-cased (the User model does the same). */
export const emailSchema = z
  .string({ required_error: 'auth.validation.emailRequired' })
  .trim()
  .toLowerCase()
  .max(254, 'auth.validation.emailTooLong')
  .email('auth.validation.emailInvalid')

/** A password someone chooses: sign-up and reset apply the same rules. */
export const newPasswordSchema = z
  .string({ required_error: 'auth.validation.passwordRequired' })
  .min(PASSWORD_MIN_LENGTH, 'auth.validation.passwordTooShort')
  .max(PASSWORD_MAX_LENGTH, 'auth.validation.passwordTooLong')
  .refine((password) => !isCommonPassword(password), 'auth.validation.passwordCommon')

export const signUpSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  role: z.enum(selfServiceRoles, { errorMap: () => ({ message: 'auth.validation.roleRequired' }) }),
  /** The box "I accept the terms of use": recorded with the version shown (app/domain/legal/terms.ts). */
  acceptTerms: z.literal('on', { errorMap: () => ({ message: 'auth.validation.termsRequired' }) }),
})
export type SignUpInput = z.infer<typeof signUpSchema>

export const signInSchema = z.object({
  email: emailSchema,
  // No rules here: whatever was chosen back then is checked against its hash.
  password: z.string({ required_error: 'auth.validation.passwordRequired' }).max(PASSWORD_MAX_LENGTH, 'auth.validation.passwordTooLong'),
})
export type SignInInput = z.infer<typeof signInSchema>

export const forgotPasswordSchema = z.object({ email: emailSchema })

export const resetPasswordSchema = z.object({ password: newPasswordSchema })

/** Tokens in links are 32 random bytes in base64url: anything else is not one of ours. */
export const linkTokenSchema = z.string().regex(/^[\w-]{43}$/)
