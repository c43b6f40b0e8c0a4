import { requirePermission } from '~/http/actor.server'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { searchAudit } from '~/domain/moderation/audit.server'
import { toCsv } from '~/domain/moderation/csv'
import { auditQueryFrom } from '~/domain/moderation/schema'

/** The audit log of the animator's scope as CSV, same filters as the page; formulas escaped. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'moderate:content:scope')
  const { search } = auditQueryFrom(new URL(request.url))
  const rows = await searchAudit(actor, { ...search, limit: 10_000 })
  const csv = toCsv(
    ['date', 'actor_id', 'actor', 'action', 'target_kind', 'target_id', 'reason', 'before', 'after'],
    rows.map((row) => [row.at, row.actorId, row.actorName, row.action, row.targetKind, row.targetId, row.reason, row.before, row.after]),
  )
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="journal-moderation.csv"',
      'Cache-Control': 'no-store',
    },
  })
}
