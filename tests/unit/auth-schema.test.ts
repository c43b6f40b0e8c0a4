import { describe, expect, it } from 'vitest'
import { isCommonPassword, passwordCore } from '~/domain/auth/password-rules'
import { emailSchema, forgotPasswordSchema, linkTokenSchema, resetPasswordSchema, signInSchema, signUpSchema } from '~/domain/auth/schema'
import { profileSchema } from '~/domain/users/schema'
import { translatorFor } from '~/i18n/translators'

const valid = { name: 'Claire Martin', email: 'claire.martin@plasturgie-jura.fr', password: 'la pipe de Saint-Claude fume', role: 'industrialist', acceptTerms: 'on' }
const errorsOf = (result: { success: boolean; error?: { flatten: () => { fieldErrors: Record<string, string[] | undefined> } } }) =>
  result.success ? {} : result.error!.flatten().fieldErrors

describe('sign-up schema', () => {
  it('accepts a person with a long, uncommon password and a self-service role', () => {
    expect(signUpSchema.parse(valid)).toEqual(valid)
    expect(signUpSchema.parse({ ...valid, role: 'researcher' }).role).toBe('researcher')
  })

  it('refuses passwords shorter than 12 characters', () => {
    expect(errorsOf(signUpSchema.safeParse({ ...valid, password: 'Xk3!vq9#Lm2' }))).toEqual({ password: ['auth.validation.passwordTooShort'] })
    expect(signUpSchema.safeParse({ ...valid, password: 'Xk3!vq9#Lm2z' }).success).toBe(true)
  })

  it('refuses common passwords, even dressed up with digits, symbols, capitals or leetspeak', () => {
    for (const password of ['motdepasse123', 'Motdepasse2024!', 'AZERTYUIOP123', 'P@ssw0rd12345', 'password1234', 'soleil123456', 'passwordpassword', '123456789012', 'azertyuiopqs', 'aaaaaaaaaaaa', 'abcabcabcabc', 'Marseille13000']) {
      expect(errorsOf(signUpSchema.safeParse({ ...valid, password })), password).toEqual({ password: ['auth.validation.passwordCommon'] })
    }
  })

  it('accepts passphrases that merely contain common words', () => {
    for (const password of ['soleil de Provence en juillet', 'azerty est un clavier français', 'Cheval-Correct-Agrafe-Batterie', 'T9#qL!v2@Rm8x']) {
      expect(isCommonPassword(password), password).toBe(false)
    }
  })

  it('requires the terms of use to be accepted (the box sends "on")', () => {
    const { acceptTerms: _unchecked, ...withoutTerms } = valid
    expect(errorsOf(signUpSchema.safeParse(withoutTerms))).toEqual({ acceptTerms: ['auth.validation.termsRequired'] })
    expect(errorsOf(signUpSchema.safeParse({ ...valid, acceptTerms: 'yes' }))).toEqual({ acceptTerms: ['auth.validation.termsRequired'] })
  })

  it('refuses roles people cannot give themselves, and says which field is wrong', () => {
    expect(errorsOf(signUpSchema.safeParse({ ...valid, role: 'admin' }))).toEqual({ role: ['auth.validation.roleRequired'] })
    expect(errorsOf(signUpSchema.safeParse({ ...valid, role: 'animator' }))).toEqual({ role: ['auth.validation.roleRequired'] })
    expect(errorsOf(signUpSchema.safeParse({ ...valid, name: ' ', email: 'pas-une-adresse' }))).toEqual({
      name: ['auth.validation.nameTooShort'],
      email: ['auth.validation.emailInvalid'],
    })
  })
})

describe('e-mail addresses', () => {
  it('are trimmed and lower-cased, so one mailbox is one account', () => {
    expect(emailSchema.parse('  Claire.MARTIN@Plasturgie-Jura.FR ')).toBe('claire.martin@plasturgie-jura.fr')
    expect(signInSchema.parse({ email: 'CLAIRE@exemple.fr', password: 'x' }).email).toBe('claire@exemple.fr')
    expect(forgotPasswordSchema.parse({ email: ' Claire@Exemple.fr' }).email).toBe('claire@exemple.fr')
  })

  it('must look like an address and stay under 254 characters', () => {
    expect(emailSchema.safeParse('claire@').success).toBe(false)
    expect(emailSchema.safeParse(`${'a'.repeat(250)}@exemple.fr`).error?.issues[0]?.message).toBe('auth.validation.emailTooLong')
    expect(emailSchema.safeParse(undefined).error?.issues[0]?.message).toBe('auth.validation.emailRequired')
  })
})

describe('sign-in and reset schemas', () => {
  it('sign-in checks no password rule (old passwords still work), only its length', () => {
    expect(signInSchema.parse({ email: 'A@Exemple.fr ', password: 'court' })).toEqual({ email: 'a@exemple.fr', password: 'court' })
    expect(signInSchema.safeParse({ email: 'a@exemple.fr', password: 'x'.repeat(257) }).error?.issues[0]?.message).toBe('auth.validation.passwordTooLong')
  })

  it('a new password after reset follows the sign-up rules', () => {
    expect(resetPasswordSchema.safeParse({ password: 'azerty123456' }).success).toBe(false)
    expect(resetPasswordSchema.safeParse({ password: 'court' }).success).toBe(false)
    expect(resetPasswordSchema.safeParse({ password: 'un nouveau départ pour Morez' }).success).toBe(true)
    expect(resetPasswordSchema.safeParse({ password: 'x'.repeat(257) }).error?.issues[0]?.message).toBe('auth.validation.passwordTooLong')
  })

  it('link tokens are 43 base64url characters and nothing else', () => {
    expect(linkTokenSchema.safeParse('a'.repeat(43)).success).toBe(true)
    expect(linkTokenSchema.safeParse('a'.repeat(42)).success).toBe(false)
    expect(linkTokenSchema.safeParse(`${'a'.repeat(42)}/`).success).toBe(false)
  })
})

describe('password cores', () => {
  it('strip decorations and read leetspeak', () => {
    expect(passwordCore('P@ssw0rd1234!')).toBe('password')
    expect(passwordCore('2024Motdepassé!!')).toBe('motdepasse')
    expect(passwordCore('123456')).toBe('')
  })
})

describe('profile schema', () => {
  it('trims, bounds lengths and knows the languages', () => {
    expect(profileSchema.parse({ name: ' Claire ', title: ' Responsable méthodes ', language: 'en' })).toEqual({ name: 'Claire', title: 'Responsable méthodes', language: 'en' })
    expect(profileSchema.parse({ name: 'Claire', language: 'fr' }).title).toBe('')
    expect(errorsOf(profileSchema.safeParse({ name: 'C'.repeat(121), title: 't'.repeat(161), language: 'de' }))).toEqual({
      name: ['auth.validation.nameTooLong'],
      title: ['auth.validation.titleTooLong'],
      language: ['auth.validation.languageInvalid'],
    })
  })
})

describe('validation messages', () => {
  it('every key the schemas use exists in French and English', () => {
    const keys = [
      ...['emailRequired', 'emailInvalid', 'emailTooLong', 'passwordRequired', 'passwordTooShort', 'passwordTooLong', 'passwordCommon'],
      ...['roleRequired', 'nameRequired', 'nameTooShort', 'nameTooLong', 'titleTooLong', 'languageInvalid'],
    ].map((key) => `auth.validation.${key}`)
    for (const language of ['fr', 'en'] as const) {
      const t = translatorFor(language).t as unknown as (key: string) => string
      for (const key of keys) expect(t(key), `${language}: ${key}`).not.toBe(key)
    }
    expect((translatorFor('fr').t as unknown as (key: string) => string)('auth.validation.passwordTooShort')).toBe('Le mot de passe doit faire au moins 12 caractères.')
  })
})
