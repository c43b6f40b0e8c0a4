import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { territoryBySlug } from '~/domain/territories/catalogue'
import { contactGuichet } from '~/domain/territories/guichet.server'
import { guestContactLimit } from '~/domain/territories/guichet-limiter.server'
import { guestContactSchema, memberContactSchema } from '~/domain/territories/guichet-schema'
import { territoryPage } from '~/domain/territories/page.server'
import { parseMapQuery } from '~/domain/map/filters'
import { mapFor } from '~/domain/map/service.server'
import { upcomingMeetingsIn } from '~/domain/meetings/queries.server'
import mapStylesHref from '~/styles/map.css?url'
import { MeetingList } from '~/ui/meetings/meeting-list'
import { TerritoryMap } from '~/ui/territories/territory-map'
import { optionalActor } from '~/http/actor.server'
import { orRefuse, refuse, replyWithRefusal } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { languageFromRequest } from '~/i18n/language.server'
import { translatorFor } from '~/i18n/translators'
import { ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import { GuichetForm } from '~/ui/territories/guichet-form'
import { AidesSection, ContactsSection, FiguresSection, NeedsSection, OrganisationsSection, PlacesSection } from '~/ui/territories/territory-sections'
import '~/i18n/areas/territories'

export const handle: PageHandle<{ territory: { name: string } }> = { titleKey: 'territories.list.title', titleFrom: (data) => data?.territory.name }

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: mapStylesHref }]

/** /territoires/:slug — a territory's page, public; an unknown slug is the 404 page (the slug is checked against the list first). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await optionalActor(request)
  const page = await orRefuse(() => territoryPage(actor, params.slug, context.search))
  const [meetings, map] = await Promise.all([
    upcomingMeetingsIn({ kind: 'territory', ref: page.territory.id }),
    mapFor(context.search, parseMapQuery(new URLSearchParams('layer=both')), { territory: page.territory.id }),
  ])
  return { ...page, meetings, map }
}

/** « Contacter le guichet »: signed in, straight to the queue; a guest, after the e-mail link. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const territory = territoryBySlug(params.slug) ?? refuse('not_found')
  const actor = await optionalActor(request)
  const language = await languageFromRequest(request)
  const { t } = translatorFor(language)
  const submission = parseWithZod(await readForm(request), { schema: actor ? memberContactSchema() : guestContactSchema() })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const deps = { mailer: context.mailer, appSecret: context.appSecret, publicUrl: context.publicUrl, language, ...guestContactLimit(context.clientIp) }
  try {
    const outcome = await contactGuichet(actor, territory.id, submission.value, deps)
    const message =
      outcome.status === 'open'
        ? t('territories.guichet.sentMember', { territory: territory.name })
        : t('territories.guichet.sentGuest', { email: 'email' in submission.value ? String(submission.value.email) : '' })
    return redirectWithToast(`/territoires/${territory.id}`, { kind: 'success', message })
  } catch (error) {
    return replyWithRefusal(t, submission, error)
  }
}

export default function TerritoryPage() {
  const { t } = useTranslation()
  const page = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  return (
    <article aria-labelledby="territory-title" className="territory-page">
      <header className="territory-head">
        <p className="eyebrow">
          <Link to="/territoires">{t('territories.page.backToList')}</Link>
        </p>
        <h1 id="territory-title" lang="fr">
          {page.territory.name}
        </h1>
        <p className="muted" lang="fr">
          {t('territories.page.region', { region: page.territory.region })}
        </p>
        <p className="lead">{t('territories.page.lead')}</p>
        <p>
          <ButtonLink href="#guichet">{t('territories.page.contactCta')}</ButtonLink>
        </p>
      </header>
      <ContactsSection animators={page.animators} />
      <FiguresSection figures={page.figures} />
      <PlacesSection places={page.places} filieres={page.filieres} />
      <NeedsSection needs={page.needs} />
      <OrganisationsSection organisations={page.organisations} />
      <MeetingList headingId="territory-meetings" heading={t('territories.page.meetings.title')} empty={t('territories.page.meetings.empty')} meetings={page.meetings} />
      <p>
        <Link to="/rencontres">{t('territories.page.meetings.all')}</Link>
      </p>
      <TerritoryMap map={page.map} territoryId={page.territory.id} />
      <AidesSection aides={page.aides} region={page.territory.region} />
      <GuichetForm memberName={page.guichet.asMember} lastResult={reply?.result} />
    </article>
  )
}

export const ErrorBoundary = RouteErrorPage
