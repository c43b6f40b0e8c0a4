import { Form } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import type { Language } from '~/i18n/config'
import type { getMeetingPage } from '~/domain/meetings/queries.server'
import { formatParisDateTime, formatParisTime } from '~/domain/meetings/timezone'
import { communeDisplayName } from '~/domain/places/commune'
import { domainLabel, type TechnologyDomainId } from '~/domain/taxonomy/domains'
import { filieres } from '~/domain/taxonomy/filieres'
import { Button, ButtonLink } from '~/ui/button'
import { SelectField } from '~/ui/field'
import '~/i18n/areas/meetings'

type Page = Awaited<ReturnType<typeof getMeetingPage>>

/** What the meeting is: when (Paris time), where, who organises it, its themes, its seats. */
export function MeetingFacts({ meeting }: { meeting: Page['meeting'] }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const themes = [
    ...meeting.domains.map((id) => domainLabel(id as TechnologyDomainId, language)),
    ...meeting.filieres.map((id) => filieres.find((filiere) => filiere.id === id)?.label[language] ?? id),
  ]
  return (
    <dl className="facts">
      <dt>{t('meetings.page.when')}</dt>
      <dd>
        <time dateTime={meeting.startsAt}>{formatParisDateTime(new Date(meeting.startsAt), language)}</time> – <time dateTime={meeting.endsAt}>{formatParisTime(new Date(meeting.endsAt), language)}</time>{' '}
        <span className="muted">{t('meetings.page.parisTime')}</span>
      </dd>
      <dt>{t('meetings.page.where')}</dt>
      <dd>{meeting.place ? `${communeDisplayName(meeting.place)} (${meeting.place.departementCode})` : meeting.onlineUrl ? <a href={meeting.onlineUrl}>{t('meetings.page.onlineLink')}</a> : meeting.online ? t('meetings.page.onlineLinkForRegistrants') : null}</dd>
      <dt>{t('meetings.page.scope')}</dt>
      <dd>{meeting.scopeName}</dd>
      {meeting.organisers.length ? (
        <>
          <dt>{t('meetings.page.organisers')}</dt>
          <dd>{meeting.organisers.map((org) => org.name).join(', ')}</dd>
        </>
      ) : null}
      {themes.length ? (
        <>
          <dt>{t('meetings.page.themes')}</dt>
          <dd>{themes.join(', ')}</dd>
        </>
      ) : null}
      <dt>{t('meetings.page.seatsLabel')}</dt>
      <dd>
        {t('meetings.page.seats', { taken: meeting.registeredCount, capacity: meeting.capacity })}
        {meeting.waitlisted ? ` · ${t('meetings.page.waiting', { count: meeting.waitlisted })}` : ''}
      </dd>
      {meeting.registrationDeadline ? (
        <>
          <dt>{t('meetings.page.deadline')}</dt>
          <dd>
            <time dateTime={meeting.registrationDeadline}>{formatParisDateTime(new Date(meeting.registrationDeadline), language)}</time>
          </dd>
        </>
      ) : null}
    </dl>
  )
}

/** The viewer's registration: register for one of their organisations, their status, withdraw, the calendar file. */
export function RegistrationPanel({ meetingId, viewer, error }: { meetingId: string; viewer: Page['viewer']; error?: string | null }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="registration-title" className="card">
      <h2 id="registration-title">{t('meetings.page.registration')}</h2>
      {error ? (
        <p role="alert" className="form-errors">
          {error}
        </p>
      ) : null}
      {viewer.status === 'registered' ? <p>{t('meetings.page.youAreRegistered')}</p> : null}
      {viewer.status === 'waitlisted' ? <p>{t('meetings.page.youAreWaitlisted', { rank: viewer.rank ?? 0 })}</p> : null}
      {viewer.canRegister ? (
        <Form method="post">
          <input type="hidden" name="intent" value="register" />
          {viewer.organisations.length > 1 ? (
            <SelectField
              name="organisationId"
              label={t('meetings.page.registerFor')}
              required
              options={viewer.organisations.map((org) => ({ value: org.id, label: org.name }))}
            />
          ) : (
            <>
              <input type="hidden" name="organisationId" value={viewer.organisations[0]!.id} />
              <p>{t('meetings.page.registeringFor', { name: viewer.organisations[0]!.name })}</p>
            </>
          )}
          <Button type="submit">{t('meetings.page.register')}</Button>
        </Form>
      ) : null}
      {!viewer.signedIn ? <p>{t('meetings.page.signInToRegister')}</p> : null}
      {viewer.signedIn && !viewer.organisations.length && !viewer.status ? <p>{t('meetings.refusals.noOrganisation')}</p> : null}
      {viewer.closedReason && !viewer.status ? <p className="muted">{t(`meetings.refusals.${viewer.closedReason}`)}</p> : null}
      <div className="button-row">
        {viewer.canDownloadCalendar ? (
          <ButtonLink href={`/rencontres/${meetingId}/agenda.ics`} variant="secondary" download>
            {t('meetings.page.calendar')}
          </ButtonLink>
        ) : null}
        {viewer.canUnregister ? (
          <Form method="post">
            <input type="hidden" name="intent" value="unregister" />
            <Button type="submit" variant="secondary">
              {viewer.status === 'waitlisted' ? t('meetings.page.leaveWaitlist') : t('meetings.page.unregister')}
            </Button>
          </Form>
        ) : null}
      </div>
    </section>
  )
}

/** For the animators: who registered and who waits, in order. */
export function RegistrantsTable({ registrants }: { registrants: Page['registrants'] }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="registrants-title">
      <h2 id="registrants-title">{t('meetings.page.registrants')}</h2>
      {registrants.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('meetings.page.person')}</th>
              <th scope="col">{t('meetings.page.organisation')}</th>
              <th scope="col">{t('meetings.page.status')}</th>
            </tr>
          </thead>
          <tbody>
            {registrants.map((entry) => (
              <tr key={entry.userId}>
                <td>{entry.name}</td>
                <td>{entry.organisation}</td>
                <td>{t(`meetings.registration.${entry.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('meetings.page.noRegistrants')}</p>
      )}
    </section>
  )
}
