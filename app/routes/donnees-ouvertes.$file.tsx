import type { LoaderFunctionArgs } from '@remix-run/node'
import { DomainError } from '~/domain/errors'
import { datasetFile } from '~/domain/statistics/open-data/datasets.server'
import { LICENCE, parseDatasetFile } from '~/domain/statistics/open-data/table-schema'
import { parseStatisticsQuery } from '~/domain/statistics/query'
import { languageFromRequest } from '~/i18n/language.server'
import { translateMessage } from '~/i18n/translate-message'
import { translatorFor } from '~/i18n/translators'
import '~/i18n/areas/statistics'

/**
 * /donnees-ouvertes/<dataset>.csv|.json|.schema.json — stable addresses of the open data. Each file
 * points at its Table Schema and its licence in Link headers; a refusal is a short sentence in
 * plain text (an API answer, not a page) with its 400 or 404.
 */
async function refusal(request: Request, status: 400 | 404, key: string) {
  const t = translatorFor(await languageFromRequest(request)).t
  const hint = status === 404 ? '' : `${t('statistics.errors.hint')}\n`
  return new Response(`${translateMessage(t, key)}\n${hint}`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = parseDatasetFile(params.file ?? '')
  if (!file) return refusal(request, 404, 'statistics.errors.unknownDataset')
  const url = new URL(request.url)
  let lastMonth: string
  try {
    lastMonth = parseStatisticsQuery(url.searchParams, url.search.length).lastMonth
  } catch (error) {
    if (error instanceof DomainError) return refusal(request, 400, error.message)
    throw error
  }
  const { body, contentType } = await datasetFile(file.name, file.format, lastMonth)
  const links = [`<${LICENCE.url}>; rel="license"`]
  if (file.format !== 'schema.json') links.unshift(`</donnees-ouvertes/${file.name}.schema.json>; rel="describedby"; type="application/json"`)
  return new Response(body, {
    headers: {
      'Content-Type': contentType,
      ...(file.format === 'csv' ? { 'Content-Disposition': `attachment; filename="${file.name}.csv"` } : {}),
      Link: links.join(', '),
      // Figures change at most every few minutes (the statistics cache); anyone may reuse them.
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    },
  })
}
