import { createCookie } from '@remix-run/node'
import { z } from 'zod'
import type { Toast } from '~/ui/toast'

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

export async function flashToast(toast: Omit<Toast, 'id'>) {
  return toastCookie.serialize({ ...toast, id: crypto.randomUUID() })
}

export async function takeToast(request: Request): Promise<{ toast: Toast | null; clearHeader: string | null }> {
  const raw = await toastCookie.parse(request.headers.get('Cookie'))
  if (!raw) return { toast: null, clearHeader: null }
  const parsed = toastSchema.safeParse(raw)
  return {
    toast: parsed.success ? parsed.data : null,
    clearHeader: await toastCookie.serialize('', { maxAge: 0 }),
  }
}
