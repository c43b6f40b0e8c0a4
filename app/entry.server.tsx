import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type ActionFunctionArgs, type AppLoadContext, type EntryContext, type LoaderFunctionArgs } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { AreaTextsProvider, pageAreaTexts } from '~/i18n/area-preloads'
import { TranslatorProvider } from '~/i18n/react'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { NonceProvider } from '~/nonce'

const ABORT_DELAY_MS = 5_000
export const streamTimeout = ABORT_DELAY_MS

/**
 * Pages and their `.data` answers may hold what only this person may see (their account, their
 * messages, a name in the header): no browser or shared cache keeps them, unless a route says
 * otherwise with its own Cache-Control (public JSON such as /api/communes).
 */
const PRIVATE = 'private, no-store'

/**
 * What Remix reports: a refusal of the request itself (a POST to a page without an action: 405,
 * an unknown route id: 400…) is the client's doing and logged as a warning; anything else is a
 * server error with its stack. Requests the client gave up on are not reported.
 */
export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return
  if (isRouteErrorResponse(error) && error.status < 500) context.logger.warn({ status: error.status, url: request.url }, 'request refused by the router')
  else context.logger.error({ err: error, url: request.url }, 'unexpected error in a loader, action or render')
}

export function handleDataRequest(response: Response) {
  if (response.headers.has('Cache-Control')) return response
  const headers = new Headers(response.headers)
  headers.set('Cache-Control', PRIVATE)
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const language = await languageFromRequest(request)
  const translator = translatorFor(language)
  const areaTexts = pageAreaTexts(loadContext.translationAreaChunks, language, remixContext)
  const nonce = loadContext.cspNonce
  if (!responseHeaders.has('Cache-Control')) responseHeaders.set('Cache-Control', PRIVATE)
  // Bots get the whole document at once; people get it streamed.
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <TranslatorProvider translator={translator}>
          <AreaTextsProvider value={areaTexts}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} nonce={nonce} />
          </AreaTextsProvider>
        </TranslatorProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) loadContext.logger.error({ err: error }, 'render error')
        },
      },
    )
    setTimeout(abort, ABORT_DELAY_MS + 1_000)
  })
}
