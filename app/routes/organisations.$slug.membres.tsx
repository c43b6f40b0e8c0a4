import { dateTimeFormat } from '~/i18n/formats'
import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { z } from 'zod'
import { requireActor } from '~/http/actor.server'
import { orgSlugParam } from '~/http/params.server'
import { formRefusal, orRefuse, replyWithRefusal, refuse } from '~/http/domain-response.server'
import { inviteSchema, objectIdSchema } from '~/domain/orgs/schema'
import { decideJoinRequest, inviteMember, revokeInvitation } from '~/domain/orgs/invitations.server'
import { getMembersOverview, leaveOrganisation, removeMember, setListed, transferOwnership } from '~/domain/orgs/members.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { RouteErrorPage } from '~/ui/error-page'
import { FormErrors } from '~/ui/field'
import { readForm } from '~/http/form-data.server'
import { InviteForm, PendingButton } from '~/ui/orgs/members'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/orgs'

export const handle: PageHandle<{ org: { name: string } }> = { titleKey: 'layout.pageTitles.organisation', titleFrom: (data) => data && { key: 'orgs.members.title', values: { name: data.org.name } } }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = orgSlugParam(params)
  const actor = await requireActor(request)
  return orRefuse(() => getMembersOverview({ actor }, slug))
}

/** Every button of the page posts one of these; ids are checked before any query. */
const actionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('invite') }),
  z.object({ intent: z.literal('revoke'), invitationId: objectIdSchema }),
  z.object({ intent: z.literal('accept'), requestId: objectIdSchema }),
  z.object({ intent: z.literal('decline'), requestId: objectIdSchema }),
  z.object({ intent: z.literal('remove'), userId: objectIdSchema }),
  z.object({ intent: z.literal('transfer'), userId: objectIdSchema }),
  z.object({ intent: z.literal('leave') }),
  z.object({ intent: z.literal('listed'), listed: z.literal('on').optional() }),
])

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = orgSlugParam(params)
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const formData = await readForm(request)
  const parsed = actionSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) refuse('invalid')
  const command = parsed.data
  const ctx = { actor, t, mailer: context.mailer, publicUrl: context.publicUrl }
  const here = `/organisations/${slug}/membres`
  const done = async (message: string, to = here) => redirectWithToast(to, { kind: 'success', message })

  if (command.intent === 'invite') {
    const submission = parseWithZod(formData, { schema: inviteSchema() })
    if (submission.status !== 'success') return data({ form: 'invite', result: submission.reply(), message: null }, { status: 400 })
    try {
      await inviteMember(ctx, slug, submission.value)
    } catch (error) {
      return replyWithRefusal(t, submission, error, { form: 'invite' }, { fieldsOnly: true })
    }
    return done(t('orgs.members.invited', { email: submission.value.email }))
  }

  try {
    switch (command.intent) {
      case 'revoke':
        await revokeInvitation(ctx, slug, command.invitationId)
        return done(t('orgs.members.revoked'))
      case 'accept': {
        const { name } = await decideJoinRequest(ctx, slug, command.requestId, 'accept')
        return done(t('orgs.members.accepted', { name }))
      }
      case 'decline': {
        const { name } = await decideJoinRequest(ctx, slug, command.requestId, 'decline')
        return done(t('orgs.members.declined', { name }))
      }
      case 'remove': {
        const { name } = await removeMember(ctx, slug, command.userId)
        return done(t('orgs.members.removed', { name }))
      }
      case 'transfer': {
        const { name } = await transferOwnership(ctx, slug, command.userId)
        return done(t('orgs.members.transferred', { name }))
      }
      case 'leave': {
        const { name } = await leaveOrganisation(ctx, slug)
        return done(t('orgs.members.left', { name }), `/organisations/${slug}`)
      }
      case 'listed': {
        const listed = command.listed === 'on'
        await setListed(ctx, slug, listed)
        return done(listed ? t('orgs.members.listedOn') : t('orgs.members.listedOff'))
      }
    }
  } catch (error) {
    // Rules the person can act on (last owner, already owner…) are said on the page itself.
    const { status, formErrors } = formRefusal(t, error)
    return data({ form: 'page', result: null, message: formErrors[0]! }, { status })
  }
}

export default function OrganisationMembers() {
  const { t, i18n } = useTranslation()
  const { org, viewer, members, requests, invitations } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const dateFormat = dateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' })
  const pageError = actionData && 'message' in actionData && actionData.message ? [actionData.message] : undefined

  return (
    <section aria-labelledby="members-title" className="org-members-page">
      <p>
        <Link to={`/organisations/${org.slug}`}>← {t('orgs.members.backToProfile')}</Link>
      </p>
      <h1 id="members-title">{t('orgs.members.title', { name: org.name })}</h1>
      <FormErrors errors={pageError} />

      {viewer.role ? (
        <section aria-labelledby="my-membership" className="card org-section">
          <h2 id="my-membership">{t('orgs.members.yourMembership')}</h2>
          <p>{t('orgs.members.yourRole', { role: t(`orgs.roles.${viewer.role}`) })}</p>
          <Form method="post" className="org-inline-form">
            <input type="hidden" name="intent" value="listed" />
            <div className="org-checkbox">
              <input type="checkbox" id="listed" name="listed" defaultChecked={viewer.listed} />
              <label htmlFor="listed">{t('orgs.members.listedLabel')}</label>
            </div>
            <PendingButton intent="listed" variant="secondary">
              {t('orgs.members.listedSave')}
            </PendingButton>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="leave" />
            <PendingButton intent="leave" variant="danger">
              {t('orgs.members.leave')}
            </PendingButton>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="members-list" className="org-section">
        <h2 id="members-list">{t('orgs.members.listTitle')}</h2>
        <ul className="org-member-rows">
          {members.map((member) => {
            return (
              <li key={member.userId} className="org-member-row">
                <div>
                  <Link to={`/membres/${member.userId}`}>{member.name}</Link> {member.self ? <span className="muted">{t('orgs.members.you')}</span> : null}
                  <span className="badge badge-role">{t(`orgs.roles.${member.role}`)}</span>
                  {!member.listed ? <span className="muted"> — {t('orgs.members.unlisted')}</span> : null}
                  {member.title ? <div className="muted">{member.title}</div> : null}
                  {member.email ? <div className="muted">{member.email}</div> : null}
                </div>
                {member.canRemove || member.canTransferTo ? (
                  <div className="org-actions-row">
                    {member.canTransferTo ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="transfer" />
                        <input type="hidden" name="userId" value={member.userId} />
                        <PendingButton intent="transfer" variant="secondary" aria-label={t('orgs.members.transferLabel', { name: member.name })}>
                          {t('orgs.members.transfer')}
                        </PendingButton>
                      </Form>
                    ) : null}
                    {member.canRemove ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="userId" value={member.userId} />
                        <PendingButton intent="remove" variant="ghost" aria-label={t('orgs.members.removeLabel', { name: member.name })}>
                          {t('orgs.members.remove')}
                        </PendingButton>
                      </Form>
                    ) : null}
                  </div>
                ) : null}
              </li>
            )
          })}
        </ul>
      </section>

      {viewer.canManage ? (
        <>
          <section aria-labelledby="requests-title" className="org-section">
            <h2 id="requests-title">{t('orgs.members.requestsTitle')}</h2>
            {requests.length ? (
              <ul className="org-member-rows">
                {requests.map((request) => (
                  <li key={request.id} className="org-member-row">
                    <div>
                      <Link to={`/membres/${request.userId}`}>{request.name}</Link>
                      {request.message ? <p className="org-request-message">{request.message}</p> : null}
                    </div>
                    <div className="org-actions-row">
                      <Form method="post">
                        <input type="hidden" name="intent" value="accept" />
                        <input type="hidden" name="requestId" value={request.id} />
                        <PendingButton intent="accept" aria-label={t('orgs.members.acceptLabel', { name: request.name })}>
                          {t('orgs.members.accept')}
                        </PendingButton>
                      </Form>
                      <Form method="post">
                        <input type="hidden" name="intent" value="decline" />
                        <input type="hidden" name="requestId" value={request.id} />
                        <PendingButton intent="decline" variant="secondary" aria-label={t('orgs.members.declineLabel', { name: request.name })}>
                          {t('orgs.members.decline')}
                        </PendingButton>
                      </Form>
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('orgs.members.noRequests')}</p>
            )}
          </section>

          <InviteForm />

          {invitations.length ? (
            <section aria-labelledby="invitations-title" className="org-section">
              <h2 id="invitations-title">{t('orgs.members.invitationsTitle')}</h2>
              <ul className="org-member-rows">
                {invitations.map((invitation) => (
                  <li key={invitation.id} className="org-member-row">
                    <div>
                      {invitation.email} <span className="muted">— {t('orgs.members.invitationExpires', { date: dateFormat.format(new Date(invitation.expiresAt)) })}</span>
                    </div>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <PendingButton intent="revoke" variant="ghost" aria-label={t('orgs.members.revokeLabel', { email: invitation.email })}>
                        {t('orgs.members.revoke')}
                      </PendingButton>
                    </Form>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
