import type { LoaderFunctionArgs } from '@remix-run/node'
import type { ClientLoaderFunctionArgs } from '@remix-run/react'
import { Form, useLoaderData, useNavigation, useSubmit } from '@remix-run/react'
import { useEffect, useRef, useState, type ChangeEvent } from 'react'
import { useTranslation } from '~/i18n/react'
import { searchKinds } from '~/domain/search/names'
import { DEFAULT_RADIUS_KM, parseSearchQuery, SEARCH_QUERY_MAX, SEARCH_RADII_KM, sortsByKind, type SearchQuery } from '~/domain/search/query'
import { searchPageData, type SearchPageData } from '~/http/search-page.server'
import { AlertCreate } from '~/ui/alerts/alert-create'
import { Button } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import { LoadingState } from '~/ui/states'
import { FiltersToggle } from '~/ui/search/filters-toggle'
import { Facets, NearStatus, NeedResult, NoResults, OrganisationResult, Pagination, SyncedInput, SyncedSelect, Unavailable } from '~/ui/search/search-results'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/search'

export const handle: PageHandle = { titleKey: 'search.title' }

/**
 * One search page for needs and organisations. A plain GET form: filters live in the URL
 * (shareable, back button), everything works without JavaScript; with it, results follow
 * the typing (debounced) and each facet click.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return searchPageData(new URL(request.url), context)
}

/**
 * Once the page runs in the browser, each search (keystroke, facet, page) reads the same data
 * from GET /api/recherche as plain JSON: lighter for the server than a route navigation. If that
 * endpoint fails, the route's own loader answers (and its error page shows if that fails too).
 */
export async function clientLoader({ request, serverLoader }: ClientLoaderFunctionArgs): Promise<SearchPageData> {
  const response = await fetch(`/api/recherche${new URL(request.url).search}`, { signal: request.signal, headers: { Accept: 'application/json' } })
  if (!response.ok) return serverLoader<typeof loader>()
  return (await response.json()) as SearchPageData
}

const TYPING_DELAY_MS = 300

export default function SearchPage() {
  const { t } = useTranslation()
  const { query, result, near, truncated } = useLoaderData<typeof clientLoader>()
  const navigation = useNavigation()
  const submit = useSubmit()
  const formRef = useRef<HTMLFormElement>(null)
  const queryRef = useRef<HTMLInputElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const [filtersOpen, setFiltersOpen] = useState(false)
  const searching = navigation.state === 'loading' && navigation.location.pathname === '/recherche'
  // While a search is on its way, controls show what was asked, not the previous answer.
  const pending = navigation.location?.pathname === '/recherche' ? new URLSearchParams(navigation.location.search) : null
  const shown: SearchQuery = pending ? parseSearchQuery(pending) : query

  // Back/forward: put the URL's words back into the box unless the person is typing in it.
  useEffect(() => {
    if (queryRef.current && document.activeElement !== queryRef.current) queryRef.current.value = query.q
  }, [query.q])
  useEffect(() => () => clearTimeout(timer.current), [])
  // A navigation the person started (a result clicked, a link followed) wins over a live search
  // still waiting for the end of the typing: it would otherwise replace it (issue 15).
  const leaving = navigation.state !== 'idle' && navigation.location.pathname !== '/recherche'
  const leavingNow = useRef(leaving)
  leavingNow.current = leaving
  useEffect(() => {
    if (leaving) clearTimeout(timer.current)
  }, [leaving])

  const onChange = (event: ChangeEvent<HTMLFormElement>) => {
    const form = event.currentTarget
    clearTimeout(timer.current)
    const target = event.target as HTMLElement
    if (target === queryRef.current || target.getAttribute('name') === 'near') {
      // Typing replaces the history entry: back goes to the previous search, not to each letter.
      timer.current = setTimeout(() => {
        if (!leavingNow.current) submit(form, { replace: true, preventScrollReset: true })
      }, TYPING_DELAY_MS)
    } else {
      submit(form, { preventScrollReset: true })
    }
  }

  return (
    <section aria-labelledby="search-title" className="search-page">
      <h1 id="search-title">{t('search.title')}</h1>
      <p className="lead">{t('search.lead')}</p>
      <p className="search-map-link">
        <a href="/recherche/carte">{t('search.mapLink')}</a>
      </p>

      <Form
        method="get"
        action="/recherche"
        ref={formRef}
        onChange={onChange}
        // Enter (or the button) searches now: the typing's pending live search has nothing left to do.
        onSubmit={() => clearTimeout(timer.current)}
        role="search"
        aria-label={t('search.form.label')}
        id="recherche"
        className={`search-form${filtersOpen ? ' filters-open' : ''}`}
      >
        <fieldset className="search-type">
          <legend>{t('search.form.type')}</legend>
          {searchKinds.map((kind) => (
            <label key={kind} className="search-type-option">
              <SyncedInput type="radio" name="type" value={kind} checked={shown.kind === kind} />
              {t(`search.types.${kind}`)}
            </label>
          ))}
        </fieldset>

        <div className="search-bar">
          <div className="field">
            <label htmlFor="search-q">{t('search.form.query')}</label>
            <p className="field-hint" id="search-q-hint">
              {t('search.form.queryHint')}
            </p>
            <input ref={queryRef} id="search-q" type="search" name="q" defaultValue={query.q} maxLength={SEARCH_QUERY_MAX} aria-describedby="search-q-hint" autoComplete="off" />
          </div>
          <Button type="submit">{t('search.form.submit')}</Button>
          <FiltersToggle formId="recherche" open={filtersOpen} onToggle={() => setFiltersOpen((open) => !open)} />
        </div>
        <fieldset className="search-near" id="search-near-filters">
          <legend>{t('search.near.legend')}</legend>
          <div className="field">
            <label htmlFor="search-near">{t('search.near.place')}</label>
            <input id="search-near" type="text" name="near" defaultValue={query.near?.place ?? ''} maxLength={80} autoComplete="off" aria-describedby="search-near-status" />
          </div>
          <div className="field">
            <label htmlFor="search-radius">{t('search.near.radius')}</label>
            <SyncedSelect id="search-radius" name="radius" value={String(shown.near?.radiusKm ?? DEFAULT_RADIUS_KM)}>
              {SEARCH_RADII_KM.map((km) => (
                <option key={km} value={km}>
                  {t('search.near.km', { count: km })}
                </option>
              ))}
            </SyncedSelect>
          </div>
          <NearStatus near={near} query={query} />
        </fieldset>
        {truncated ? (
          <p className="muted" role="status">
            {t('search.results.truncated', { max: SEARCH_QUERY_MAX })}
          </p>
        ) : null}

        <div className="search-layout">
          {result.status === 'ok' ? <Facets kind={shown.kind} query={shown} facets={result.facets} /> : null}
          <div className="search-results">
            {result.status === 'unavailable' ? (
              <Unavailable />
            ) : (
              <>
                <div className="search-results-head">
                  <p aria-live="polite" className="search-count">
                    {query.q ? t('search.results.countFor', { count: result.total, query: query.q }) : t('search.results.count', { count: result.total })}
                  </p>
                  <div className="field search-sort">
                    <label htmlFor="search-sort">{t('search.form.sort')}</label>
                    <SyncedSelect id="search-sort" name="sort" value={shown.sort}>
                      {Object.keys(sortsByKind[shown.kind]).map((sort) => (
                        <option key={sort} value={sort}>
                          {t(`search.sorts.${sort as 'relevance'}`)}
                        </option>
                      ))}
                    </SyncedSelect>
                  </div>
                </div>
                {searching ? <LoadingState label={t('search.results.loading')} /> : null}
                {result.total === 0 ? (
                  <NoResults query={query} />
                ) : (
                  <ol className="search-hits" aria-busy={searching || undefined}>
                    {result.kind === 'needs'
                      ? result.hits.map((hit) => (
                          <li key={hit.id}>
                            <NeedResult hit={hit} />
                          </li>
                        ))
                      : result.hits.map((hit) => (
                          <li key={hit.id}>
                            <OrganisationResult hit={hit} />
                          </li>
                        ))}
                  </ol>
                )}
                {result.pages > 1 ? <Pagination query={query} page={result.page} pages={result.pages} /> : null}
              </>
            )}
          </div>
        </div>
      </Form>
      <AlertCreate query={query} />
    </section>
  )
}

/** Where the "près de" search is centred, or which communes the text could mean. */
export const ErrorBoundary = RouteErrorPage
