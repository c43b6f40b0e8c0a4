import { Form, useLocation, useNavigation, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { defaultAlertName } from '~/domain/alerts/naming'
import { alertFrequencies } from '~/domain/alerts/vocabulary'
import { searchHref, type SearchQuery } from '~/domain/search/query'
import type { Language } from '~/i18n/config'
import { Button } from '../button'
import { SelectField, TextField } from '../field'
import '~/i18n/areas/alerts'

/**
 * « M'alerter » on the search page (issue 14): saves the search shown — its words and filters,
 * read again on the server with the page's own parser — as a named daily or weekly alert. A plain
 * form post (no JavaScript needed); visitors are offered to sign in first.
 */
export function AlertCreate({ query }: { query: SearchQuery }) {
  const { t, i18n } = useTranslation()
  const root = useRouteLoaderData('root') as { user?: { id: string } | null } | undefined
  const location = useLocation()
  const navigation = useNavigation()
  if (query.kind !== 'needs') return null
  const search = searchHref({ ...query, sort: 'relevance', page: 1 }).replace(/^\/recherche\?/, '')
  const saving = navigation.state === 'submitting' && navigation.formAction === '/compte/alertes' && navigation.formData?.get('intent') === 'create'
  return (
    <section className="card search-alert" aria-labelledby="search-alert-title">
      <h2 id="search-alert-title">{t('alerts.create.title')}</h2>
      {root?.user ? (
        // A new search gives the form a new default name (key), as a new page would.
        <Form method="post" action="/compte/alertes" className="search-alert-form" key={search}>
          <p className="muted">{t('alerts.create.lead')}</p>
          <input type="hidden" name="intent" value="create" />
          <input type="hidden" name="search" value={search} />
          <TextField id="alert-name" name="name" label={t('alerts.create.name')} defaultValue={defaultAlertName(query, i18n.language as Language, t('alerts.defaultName'))} maxLength={80} />
          <SelectField
            id="alert-frequency"
            name="frequency"
            label={t('alerts.create.frequency')}
            defaultValue="weekly"
            options={alertFrequencies.map((frequency) => ({ value: frequency, label: t(`alerts.frequencies.${frequency}`) }))}
          />
          <Button type="submit" pending={saving}>
            {t('alerts.create.submit')}
          </Button>
        </Form>
      ) : (
        <p>
          {t('alerts.create.signIn')} <a href={`/connexion?redirectTo=${encodeURIComponent(location.pathname + location.search)}`}>{t('alerts.create.signInLink')}</a>
        </p>
      )}
    </section>
  )
}
