import { createCookie } from '@remix-run/node'
import { defaultLanguage, isLanguage, type Language } from './config'

export const languageCookie = createCookie('lang', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  // Browsers accept Secure cookies on http://localhost, so this holds for local production runs too.
  secure: process.env.NODE_ENV === 'production',
  maxAge: 60 * 60 * 24 * 365,
})

/** French unless the person chose otherwise (the choice lives in a cookie). */
export async function languageFromRequest(request: Request): Promise<Language> {
  const value = await languageCookie.parse(request.headers.get('Cookie'))
  return isLanguage(value) ? value : defaultLanguage
}
