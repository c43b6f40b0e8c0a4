import { createCookie, redirect } from '@remix-run/node'
import { z } from 'zod'

/** A one-shot message carried across a redirect, shown by the next page and then cleared. */
const toastCookie = createCookie('toast', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: process.env.NODE_ENV === 'production',
  maxAge: 60,
})

const toastSchema = z.object({
  id: z.string().max(64),
  kind: z.enum(['success', 'info', 'error']),
  message: z.string().max(500),
})
/** What app/ui/toast.tsx shows. */
type Toast = z.infer<typeof toastSchema>

/**
 * The way an action says "done" (or "could not"): a redirect whose next page shows the message,
 * already in the reader's language. `headers` carries what else the redirect sets (a session
 * cookie, the language cookie); the toast cookie is appended to it.
 */
export async function redirectWithToast(to: string, toast: Omit<Toast, 'id'>, headers: Headers = new Headers()) {
  headers.append('Set-Cookie', await toastCookie.serialize({ ...toast, id: crypto.randomUUID() }))
  return redirect(to, { headers })
}

/** The toast a request carries, and the Set-Cookie header that clears it. */
export async function takeToast(request: Request): Promise<{ toast: Toast | null; clearHeader: string | null }> {
  const raw = await toastCookie.parse(request.headers.get('Cookie'))
  if (!raw) return { toast: null, clearHeader: null }
  const parsed = toastSchema.safeParse(raw)
  return {
    toast: parsed.success ? parsed.data : null,
    clearHeader: await toastCookie.serialize('', { maxAge: 0 }),
  }
}
