import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { projectFormSchemas } from '~/domain/projects/schema'
import { Button } from '~/ui/button'
import { conformField, FormErrors, SelectField } from '~/ui/field'
import { resultFor, type ProjectActionData } from './form-result'
import '~/i18n/areas/projects'

type Side = 'company' | 'partner'
type Member = { id: string; name: string; title: string; side: Side | null; addedBy: { by: string; at: string } | null }

/**
 * The project's members by organisation, the animators who follow the room, and (for a member
 * of an open project) the form that brings in a colleague of either organisation.
 */
export function MembersSection({
  members,
  animators,
  candidates,
  orgs,
  canAdd,
  actionData,
}: {
  members: Member[]
  animators: Array<{ id: string; name: string }>
  candidates: Array<{ id: string; name: string; side: Side }>
  orgs: Record<Side, string>
  canAdd: boolean
  actionData: ProjectActionData
}) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="members-title" className="section project-section" id="membres">
      <h2 id="members-title">{t('projects.members.title')}</h2>
      <ul className="member-list project-members">
        {members.map((member) => (
          <li key={member.id}>
            <Link to={`/membres/${member.id}`}>{member.name}</Link>
            {member.title ? <span className="muted"> — {member.title}</span> : null}
            {member.side ? <span className="muted"> · {orgs[member.side]}</span> : null}
            {member.addedBy ? <span className="muted"> · {t('projects.members.addedBy', { name: member.addedBy.by })}</span> : null}
          </li>
        ))}
      </ul>
      {animators.length ? (
        <>
          <h3 className="project-subtitle">{t('projects.members.animators')}</h3>
          <ul className="member-list">
            {animators.map((animator) => (
              <li key={animator.id}>
                <Link to={`/membres/${animator.id}`}>{animator.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canAdd ? (
        <>
          <h3 className="project-subtitle">{t('projects.members.add')}</h3>
          {candidates.length ? (
            // A new key once someone joined: the select starts again from "choose".
            <AddColleagueForm key={members.length} candidates={candidates} orgs={orgs} lastResult={resultFor(actionData, 'member-add')} />
          ) : (
            <p className="muted">{t('projects.members.noCandidates')}</p>
          )}
        </>
      ) : null}
    </section>
  )
}

function AddColleagueForm({
  candidates,
  orgs,
  lastResult,
}: {
  candidates: Array<{ id: string; name: string; side: Side }>
  orgs: Record<Side, string>
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useForm<{ intent: string; userId: string }>({
    id: 'member-add',
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: projectFormSchemas()['member-add'] }),
  })
  const pending = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'member-add'
  return (
    <Form method="post" {...getFormProps(form)} className="member-add-form">
      <p className="muted">{t('projects.members.addLead', { company: orgs.company, partner: orgs.partner })}</p>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="member-add" />
      <SelectField
        {...conformField(fields.userId, '')}
        label={t('projects.members.colleague')}
        required
        options={[
          { value: '', label: t('projects.members.choose') },
          ...candidates.map((candidate) => ({ value: candidate.id, label: t('projects.members.candidate', { name: candidate.name, org: orgs[candidate.side] }) })),
        ]}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        {t('projects.members.addButton')}
      </Button>
    </Form>
  )
}
