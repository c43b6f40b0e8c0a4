import { organisationsOf } from '~/domain/orgs/memberships.server'
import { GuichetRequest } from '~/domain/territories/guichet-model.server'
import { User } from '~/domain/users/model.server'
import { demoGuichetRequests } from './demo/guichet'

const DAY = 24 * 60 * 60 * 1000

/** The guichet requests of the demo, in the queue (verified), inserted once (keyed by territory and subject). */
export async function seedDemoGuichet(now = new Date()): Promise<number> {
  await GuichetRequest.init()
  let inserted = 0
  for (const demo of demoGuichetRequests) {
    const at = new Date(now.getTime() - demo.daysAgo * DAY)
    let requester
    if ('account' in demo.requester) {
      const user = await User.findOne({ email: demo.requester.account }, { name: 1, email: 1 }).lean()
      if (!user) throw new Error(`seed: no demo account ${demo.requester.account}`)
      const company = (await organisationsOf(String(user._id), ['company']))[0] ?? null
      requester = { userId: user._id, name: user.name, email: user.email, company: company?.name ?? '', companyOrgId: company?.id ?? null, language: 'fr' }
    } else {
      requester = { userId: null, ...demo.requester, companyOrgId: null, language: 'fr' }
    }
    const result = await GuichetRequest.updateOne(
      { territory: demo.territory, subject: demo.subject, fictional: true },
      {
        $setOnInsert: {
          territory: demo.territory,
          subject: demo.subject,
          message: demo.message,
          commune: demo.commune ?? '',
          status: 'open',
          requester,
          verifiedAt: at,
          steps: 'account' in demo.requester ? [] : [{ step: 'verify', by: null, at }],
          fictional: true,
          createdAt: at,
          updatedAt: at,
        },
      },
      { upsert: true, timestamps: false },
    )
    inserted += result.upsertedCount
  }
  return inserted
}
