import { useRouteLoaderData } from '@remix-run/react'
import { useEffect, useMemo, useState } from 'react'
import type { PresenceEvent, PresenceStatus } from './events'
import { withSocket } from './lazy-socket'

/** A tab with no keyboard, pointer or scroll activity for this long counts as idle. */
export const IDLE_AFTER_MS = 5 * 60_000

const useSignedInId = () => (useRouteLoaderData('root') as { user: { id: string } | null } | undefined)?.user?.id ?? null

/**
 * The live presence of people who share a conversation with me: either the other members of
 * one conversation, or people named by id. Asked once connected (and again after each
 * reconnection), then kept current by `presence:changed`. Unknown until the server answers.
 */
export function usePresence(target: { conversationId: string } | { userIds: readonly string[] }): Record<string, PresenceStatus> {
  const me = useSignedInId()
  const [presence, setPresence] = useState<Record<string, PresenceStatus>>({})
  const key = 'conversationId' in target ? `c:${target.conversationId}` : `u:${[...new Set(target.userIds)].sort().join(',')}`
  const query = useMemo(
    (): { conversationId: string } | { userIds: string[] } =>
      'conversationId' in target
        ? { conversationId: target.conversationId }
        : {
            userIds: [...new Set(target.userIds)].filter((id) => id !== me).slice(0, 200),
          },
    // The key says everything the query depends on (a new array each render must not re-ask).
    [key, me],
  )

  useEffect(() => {
    if (!me) return
    if ('userIds' in query && !query.userIds.length) return
    return withSocket(me, (socket) => {
      // A late answer or event never overrides a newer one.
      const seenAt = new Map<string, number>()
      let asked: Set<string> | null = 'userIds' in query ? new Set(query.userIds) : null
      let active = true
      const apply = (userId: string, status: PresenceStatus, at: number) => {
        if ((seenAt.get(userId) ?? 0) > at) return
        seenAt.set(userId, at)
        setPresence((current) => (current[userId] === status ? current : { ...current, [userId]: status }))
      }
      const ask = () => {
        socket
          .timeout(10_000)
          .emitWithAck('presence:query', query)
          .then((ack) => {
            if (!active || !ack.data) return
            asked = new Set(Object.keys(ack.data.presence))
            const { presence: answered, at } = ack.data
            for (const [userId, status] of Object.entries(answered) as Array<[string, PresenceStatus]>) apply(userId, status, at)
          })
          .catch(() => undefined) // offline or slow: the next connection asks again
      }
      const onChanged = (event: PresenceEvent) => {
        if (asked?.has(event.userId)) apply(event.userId, event.status, event.at)
      }
      socket.on('presence:changed', onChanged)
      socket.on('connect', ask)
      if (socket.connected) ask()
      return () => {
        active = false
        socket.off('presence:changed', onChanged)
        socket.off('connect', ask)
      }
    })
  }, [me, query])

  return presence
}

/**
 * Tells the server what this tab is doing: active while visible and used, idle once hidden or
 * untouched for IDLE_AFTER_MS. The person is "away" when every tab says idle.
 */
export function usePresenceReporter(userId: string) {
  useEffect(
    () =>
      withSocket(userId, (socket) => {
        let state: 'active' | 'idle' = 'active'
        let timer: ReturnType<typeof setTimeout> | undefined
        const report = (next: 'active' | 'idle', force = false) => {
          if (next === state && !force) return
          state = next
          if (socket.connected) socket.emit('presence:set', { state: next }, () => undefined)
        }
        const armIdleTimer = () => {
          clearTimeout(timer)
          timer = setTimeout(() => report('idle'), IDLE_AFTER_MS)
        }
        let lastActivity = 0
        const onActivity = () => {
          const now = Date.now()
          if (now - lastActivity < 1_000) return // pointer moves come in bursts
          lastActivity = now
          if (document.visibilityState !== 'visible') return
          report('active')
          armIdleTimer()
        }
        const onVisibility = () => {
          if (document.visibilityState === 'visible') onActivity()
          else {
            clearTimeout(timer)
            report('idle')
          }
        }
        // A new connection starts "active" on the server: correct it if the tab is not.
        const onConnect = () => {
          if (state === 'idle') report('idle', true)
        }
        const activity = ['pointerdown', 'pointermove', 'keydown', 'scroll', 'focus'] as const
        for (const event of activity) window.addEventListener(event, onActivity, { passive: true })
        document.addEventListener('visibilitychange', onVisibility)
        socket.on('connect', onConnect)
        if (document.visibilityState === 'visible') armIdleTimer()
        else report('idle')
        return () => {
          clearTimeout(timer)
          for (const event of activity) window.removeEventListener(event, onActivity)
          document.removeEventListener('visibilitychange', onVisibility)
          socket.off('connect', onConnect)
        }
      }),
    [userId],
  )
}
