/**
 * The body of a form post, as every action reads it. A body that is not a form (JSON, text, a
 * multipart body cut short or without its boundary) is the client's mistake: 400, rendered in the
 * page's language by the route's error page — never a server error.
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData()
  } catch {
    throw new Response('Bad Request', { status: 400 })
  }
}
