import { useTranslation } from '~/i18n/react'
import type { PresenceStatus } from '~/realtime/events'
import '~/i18n/areas/notifications'

/**
 * A person's presence next to their name: a shape (filled, half, ring — not colour alone) and
 * the word itself. `compact` keeps the word for screen readers only. Nothing is shown while the
 * presence is unknown (before JavaScript, or before the server answered): no false "offline".
 */
export function PresenceIndicator({ status, compact = false }: { status: PresenceStatus | undefined; compact?: boolean }) {
  const { t } = useTranslation()
  if (!status) return null
  return (
    <span className={`presence presence-${status}`} data-presence={status}>
      <span className="presence-dot" aria-hidden="true" />
      <span className={compact ? 'visually-hidden' : 'presence-label'}>{t(`notifications.presence.${status}`)}</span>
    </span>
  )
}

/** Names with their presence, e.g. the other members of a conversation. */
export function PresenceList({ people, presence }: { people: Array<{ id: string; name: string }>; presence: Record<string, PresenceStatus> }) {
  const { t } = useTranslation()
  if (!people.some((person) => presence[person.id])) return null
  return (
    <ul className="presence-list" aria-label={t('notifications.presence.listLabel')}>
      {people.map((person) => (
        <li key={person.id}>
          {person.name} <PresenceIndicator status={presence[person.id]} />
        </li>
      ))}
    </ul>
  )
}
