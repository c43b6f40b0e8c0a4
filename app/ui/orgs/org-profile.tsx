import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form, Link, useActionData, useLocation, useNavigation } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from '~/i18n/react'
import { joinRequestSchema, orgLimits } from '~/domain/orgs/schema'
import type { getOrganisationProfile } from '~/domain/orgs/profile.server'
import { Button, ButtonLink } from '~/ui/button'
import { FormErrors, TextareaField } from '~/ui/field'
import '~/i18n/areas/orgs'

/** Parts of an organisation's profile page: what the viewer may do there, the join panel, tag lists. */

/** What the page's action answers about one of its forms (conform's reply). */
type FormReply = { form?: string; result?: SubmissionResult<string[]> } | undefined

export type Viewer = NonNullable<Awaited<ReturnType<typeof getOrganisationProfile>>['viewer']>

export function ViewerActions({ slug, viewer }: { slug: string; viewer: Viewer }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const verifying = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'verify'
  if (!viewer.role && !viewer.canEdit && !viewer.canSeeMembers && !viewer.canVerify) return null
  return (
    <div className="org-viewer-actions">
      {viewer.role ? <p className="muted">{viewer.role === 'owner' ? t('orgs.profile.youAreOwner') : t('orgs.profile.youAreMember')}</p> : null}
      <div className="org-actions-row">
        {viewer.canEdit ? <ButtonLink href={`/organisations/${slug}/modifier`}>{t('orgs.profile.edit')}</ButtonLink> : null}
        {viewer.canSeeMembers ? (
          <ButtonLink href={`/organisations/${slug}/membres`} variant="secondary">
            {viewer.canManageMembers ? t('orgs.profile.manageMembers') : t('orgs.profile.yourMembers')}
          </ButtonLink>
        ) : null}
        {viewer.canVerify ? (
          <Form method="post">
            <input type="hidden" name="intent" value="verify" />
            <Button type="submit" variant="secondary" pending={verifying}>
              {t('orgs.profile.verify')}
            </Button>
          </Form>
        ) : null}
      </div>
    </div>
  )
}

export function JoinPanel({ viewer }: { viewer: Viewer | null }) {
  const { t } = useTranslation()
  const location = useLocation()
  const actionData = useActionData<FormReply>()
  const navigation = useNavigation()
  const schema = useMemo(() => joinRequestSchema(), [t])
  const [form, fields] = useForm({
    id: 'demande-adhesion',
    lastResult: actionData?.form === 'join' ? actionData.result : undefined,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  if (viewer && !viewer.canJoin) return null
  return (
    <section aria-labelledby="org-join" className="card org-join">
      <h2 id="org-join">{t('orgs.profile.joinTitle')}</h2>
      {!viewer ? (
        <p>
          <Link to={`/connexion?redirectTo=${encodeURIComponent(location.pathname)}`}>{t('orgs.profile.signInToJoin')}</Link>
        </p>
      ) : viewer.hasPendingRequest ? (
        <p>{t('orgs.profile.joinPending')}</p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="join" />
          <p>{t('orgs.profile.joinLead')}</p>
          <FormErrors errors={form.errors} />
          <TextareaField
            id={fields.message.id}
            name={fields.message.name}
            defaultValue={typeof fields.message.initialValue === 'string' ? fields.message.initialValue : undefined}
            label={t('orgs.profile.joinMessage')}
            maxLength={orgLimits.joinMessage}
            rows={3}
            errors={fields.message.errors}
          />
          <Button type="submit" pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'join'}>
            {t('orgs.profile.joinSubmit')}
          </Button>
        </Form>
      )}
    </section>
  )
}

export function TagList({ items, empty, muted, lang }: { items: string[]; empty?: string; muted?: boolean; lang?: string }) {
  if (!items.length) return empty ? <span className="muted">{empty}</span> : null
  return (
    <ul className="tag-list" lang={lang}>
      {items.map((item) => (
        <li key={item} className={muted ? 'tag tag-muted' : 'tag'}>
          {item}
        </li>
      ))}
    </ul>
  )
}
