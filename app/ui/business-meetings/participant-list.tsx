import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import type { Participant } from '~/domain/meetings/participants.server'
import { ONE_TO_ONE_MESSAGE_MAX } from '~/domain/meetings/one-to-ones.schema'
import { domainName } from '~/domain/orgs/labels'
import type { Language } from '~/i18n/config'
import { Button } from '../button'
import { FormErrors, TextareaField } from '../field'
import '~/i18n/areas/brokerage'

export type ParticipantRowReply = { itemId: string; formErrors: string[]; fieldErrors: Record<string, string[]> }

/**
 * « Qui vient ? »: one card per participant — their organisation, its competences (domains and
 * keywords), its open needs the viewer may see — and a request form (a short optional message).
 * Plain form posts: works without JavaScript.
 */
export function ParticipantList({ participants, viewerId, agendaHref, reply }: { participants: Participant[]; viewerId: string; agendaHref: string; reply?: ParticipantRowReply }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const navigation = useNavigation()
  return (
    <ul className="participant-list">
      {participants.map((person) => {
        const errors = reply?.itemId === person.userId ? reply : undefined
        const headingId = `participant-${person.userId}`
        const competences = [...(person.organisation?.domains ?? []).map((id) => domainName(id, language)), ...(person.organisation?.keywords ?? [])]
        return (
          <li key={person.userId} className="card participant" aria-labelledby={headingId}>
            <h2 id={headingId} className="participant-name">
              <Link to={`/membres/${person.userId}`}>{person.name}</Link> {person.userId === viewerId ? <span className="muted">{t('brokerage.participants.you')}</span> : null}
            </h2>
            {person.organisation ? (
              <p>
                <Link to={`/organisations/${person.organisation.slug}`}>{person.organisation.name}</Link> · {t(`orgKinds.${person.organisation.kind}`)}
              </p>
            ) : null}
            <h3 className="participant-subheading">{t('brokerage.participants.competences')}</h3>
            {competences.length ? <p>{competences.join(' · ')}</p> : <p className="muted">{t('brokerage.participants.noCompetences')}</p>}
            <h3 className="participant-subheading">{t('brokerage.participants.needs')}</h3>
            {person.needs.length ? (
              <ul>
                {person.needs.map((need) => (
                  <li key={need.id}>
                    <Link to={`/besoins/${need.id}`}>{need.title}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('brokerage.participants.noNeeds')}</p>
            )}
            {person.oneToOne ? (
              <p className="status-line">
                {person.oneToOne.status === 'accepted' ? (
                  t('brokerage.participants.agreed')
                ) : person.oneToOne.askedByViewer ? (
                  t('brokerage.participants.askedByYou')
                ) : (
                  <Link to={agendaHref}>{t('brokerage.participants.askedYou')}</Link>
                )}
              </p>
            ) : null}
            {person.canRequest ? (
              <Form method="post" className="participant-request" aria-label={t('brokerage.participants.requestTo', { name: person.name })}>
                <FormErrors errors={errors?.formErrors} />
                <input type="hidden" name="recipientId" value={person.userId} />
                <TextareaField
                  id={`request-${person.userId}-message`}
                  name="message"
                  label={t('brokerage.participants.message')}
                  hint={t('brokerage.participants.messageHint', { max: ONE_TO_ONE_MESSAGE_MAX })}
                  maxLength={ONE_TO_ONE_MESSAGE_MAX}
                  rows={2}
                  errors={errors?.fieldErrors.message}
                />
                <Button
                  type="submit"
                  name="intent"
                  value="request"
                  aria-label={t('brokerage.participants.requestTo', { name: person.name })}
                  pending={navigation.state === 'submitting' && navigation.formData?.get('recipientId') === person.userId}
                >
                  {t('brokerage.participants.request')}
                </Button>
              </Form>
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}
