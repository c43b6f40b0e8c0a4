import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireActor } from '~/http/actor.server'
import { exportAccountData } from '~/domain/users/privacy.server'
import { orRefuse } from '~/http/domain-response.server'

/** /compte/donnees.json: everything about the signed-in person, as a file to keep (RGPD art. 15 and 20). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const data = await orRefuse(() => exportAccountData(actor))
  const day = data.exportedAt.slice(0, 10)
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="passerelle-mes-donnees-${day}.json"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
