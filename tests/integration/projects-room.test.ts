import type { Actor } from '~/domain/actor'
import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendAttachment } from '~/domain/messaging/attachments.server'
import { Conversation, Message } from '~/domain/messaging/model.server'
import { createRateLimiter } from '~/domain/messaging/rate-limit'
import { createNeed } from '~/domain/needs/service.server'
import { Need } from '~/domain/needs/model.server'
import { Notification } from '~/domain/notifications/model.server'
import { Project } from '~/domain/projects/model.server'
import {
  addMilestone,
  addProjectMember,
  changeProjectStatus,
  deleteMilestone,
  getProjectRoom,
  projectRoomFor,
  setMilestoneDone,
  updateMilestone,
} from '~/domain/projects/service.server'
import { acceptProposal, createProposal } from '~/domain/proposals/service.server'
import { companyWithMember, connectMarketplaceDb, join, labWithMember, makeOrg, makeUser, needInput, proposalInput } from './factories'
import { refusal } from './refusal'

beforeAll(async () => {
  await connectMarketplaceDb()
  await Promise.all([Conversation.init(), Message.init()])
})
afterAll(() => mongoose.disconnect())

/** A project started the real way: a company's need, a lab's proposal, accepted. */
async function startedProject() {
  const company = await companyWithMember()
  const lab = await labWithMember()
  const { id: needId } = await createNeed(company.member, company.orgId, needInput(), { submit: true })
  const { id: proposalId } = await createProposal(lab.member, needId, lab.orgId, randomUUID(), proposalInput())
  const { projectId } = await acceptProposal(company.member, proposalId)
  return { company, lab, needId, projectId }
}

describe('who sees the project room', () => {
  it('shows members everything, lets an animator of the need’s territory read, and answers 404 to anyone else', async () => {
    const { company, lab, projectId } = await startedProject()
    const room = await getProjectRoom(company.member, projectId)
    expect(room.viewer).toMatchObject({ role: 'member', canEdit: true, nextStatuses: ['paused', 'completed'] })
    expect(room.members.map((member) => member.id).sort()).toEqual([company.member.id, lab.member.id].sort())
    expect(room.members.find((member) => member.id === lab.member.id)?.side).toBe('partner')
    expect(room.milestones).toEqual([])
    expect(room.files).toEqual([])

    const animator = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'haut-jura' }] })
    const followed = await getProjectRoom(animator, projectId)
    expect(followed.viewer).toEqual({ role: 'animator', canEdit: false, nextStatuses: [] })
    // The animator is in the room's conversation, like every member.
    const conversation = await Conversation.findById(followed.room.id).lean()
    expect(conversation!.participants.map(String)).toEqual(expect.arrayContaining([company.member.id, lab.member.id, animator.id]))

    const elsewhere = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'vallee-de-la-bresle' }] })
    const outsider = await makeUser('researcher')
    expect(await refusal(getProjectRoom(elsewhere, projectId))).toMatchObject({ code: 'not_found', message: 'projects.refusals.notFound' })
    expect((await refusal(getProjectRoom(outsider, projectId))).code).toBe('not_found')
    expect((await refusal(getProjectRoom(outsider, new mongoose.Types.ObjectId().toString()))).code).toBe('not_found')
    expect((await refusal(getProjectRoom(outsider, 'not-an-id'))).code).toBe('not_found')
  })

  it('lets no one but members change anything: animators get 403, outsiders 404', async () => {
    const { company, projectId } = await startedProject()
    const { id: milestoneId } = await addMilestone(company.member, projectId, { title: 'Prototype' })
    const animator = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'haut-jura' }] })
    const outsider = await makeUser('industrialist')
    for (const actor of [animator, outsider]) {
      const code = actor === animator ? 'forbidden' : 'not_found'
      expect((await refusal(addMilestone(actor, projectId, { title: 'Intrus' }))).code).toBe(code)
      expect((await refusal(updateMilestone(actor, projectId, milestoneId, { title: 'Intrus' }))).code).toBe(code)
      expect((await refusal(setMilestoneDone(actor, projectId, milestoneId, true))).code).toBe(code)
      expect((await refusal(deleteMilestone(actor, projectId, milestoneId))).code).toBe(code)
      expect((await refusal(changeProjectStatus(actor, projectId, 'paused'))).code).toBe(code)
      expect((await refusal(addProjectMember(actor, projectId, actor.id))).code).toBe(code)
    }
    const project = await Project.findById(projectId).lean()
    expect(project).toMatchObject({ status: 'active' })
    expect(project!.milestones.map((milestone) => milestone.title)).toEqual(['Prototype'])
    expect(project!.milestones[0]!.doneAt).toBeNull()
  })
})

describe('milestones', () => {
  it('are added, edited, marked done and undone, deleted — listed by due date with overdue ones flagged', async () => {
    const { company, lab, projectId } = await startedProject()
    const now = new Date('2026-03-10T09:00:00Z')
    const late = await addMilestone(company.member, projectId, { title: 'Rapport final', dueDate: '2026-09-30' }, { now })
    const early = await addMilestone(lab.member, projectId, { title: '  Premiers prototypes  ', dueDate: '2026-03-01' }, { now })
    const undated = await addMilestone(company.member, projectId, { title: 'Visite de la ligne' }, { now })

    let room = await getProjectRoom(company.member, projectId, { now })
    expect(room.milestones.map((milestone) => [milestone.title, milestone.dueDate, milestone.overdue])).toEqual([
      ['Premiers prototypes', '2026-03-01', true],
      ['Rapport final', '2026-09-30', false],
      ['Visite de la ligne', null, false],
    ])

    await setMilestoneDone(lab.member, projectId, early.id, true, { now })
    room = await getProjectRoom(company.member, projectId, { now })
    expect(room.milestones[0]).toMatchObject({ id: early.id, done: true, overdue: false })
    expect(room.milestones[0]!.doneAt).toBe(now.toISOString())
    const labName = room.members.find((member) => member.id === lab.member.id)!.name
    expect(room.milestones[0]!.doneBy).toBe(labName)

    await setMilestoneDone(company.member, projectId, early.id, false)
    await updateMilestone(company.member, projectId, undated.id, { title: 'Visite de la ligne à Morez', dueDate: '2026-04-15' })
    await updateMilestone(company.member, projectId, late.id, { title: 'Rapport final' })
    room = await getProjectRoom(company.member, projectId, { now })
    expect(room.milestones.map((milestone) => [milestone.title, milestone.dueDate, milestone.done, milestone.overdue])).toEqual([
      ['Premiers prototypes', '2026-03-01', false, true],
      ['Visite de la ligne à Morez', '2026-04-15', false, false],
      ['Rapport final', null, false, false],
    ])

    await deleteMilestone(lab.member, projectId, early.id)
    expect((await getProjectRoom(company.member, projectId)).milestones.map((milestone) => milestone.id)).toEqual([undated.id, late.id])
    expect(await refusal(deleteMilestone(lab.member, projectId, early.id))).toMatchObject({ code: 'not_found', message: 'projects.refusals.milestoneNotFound' })
    expect((await refusal(setMilestoneDone(lab.member, projectId, 'nope', true))).code).toBe('not_found')
  })

  it('refuse an empty or too long title and an impossible date, in the service too', async () => {
    const { company, projectId } = await startedProject()
    expect(await refusal(addMilestone(company.member, projectId, { title: '  ' }))).toMatchObject({ code: 'invalid', message: 'projects.errors.titleRequired' })
    expect(await refusal(addMilestone(company.member, projectId, { title: 'x'.repeat(201) }))).toMatchObject({ code: 'invalid', message: 'projects.errors.titleTooLong?max=200' })
    expect(await refusal(addMilestone(company.member, projectId, { title: 'Essais', dueDate: '2026-02-30' }))).toMatchObject({ code: 'invalid', message: 'projects.errors.invalidDate' })
    const { id } = await addMilestone(company.member, projectId, { title: 'x'.repeat(200) })
    expect(await refusal(updateMilestone(company.member, projectId, id, { title: '' }))).toMatchObject({ code: 'invalid' })
    expect((await Project.findById(projectId).lean())!.milestones).toHaveLength(1)
  })
})

describe('project status', () => {
  it('goes active → paused → active → completed → (reopened) active, each change recorded with who and when', async () => {
    const { company, lab, projectId } = await startedProject()
    const at = (minute: number) => ({ now: new Date(`2026-03-10T09:${String(minute).padStart(2, '0')}:00Z`) })
    await changeProjectStatus(company.member, projectId, 'paused', at(1))
    await changeProjectStatus(lab.member, projectId, 'active', at(2))
    await changeProjectStatus(lab.member, projectId, 'completed', at(3))
    expect(await refusal(changeProjectStatus(company.member, projectId, 'paused'))).toMatchObject({ code: 'conflict', message: 'projects.refusals.transition' })
    expect(await refusal(changeProjectStatus(company.member, projectId, 'completed'))).toMatchObject({ code: 'conflict', message: 'projects.refusals.sameStatus' })

    // Completed: read-only until reopened.
    const room = await getProjectRoom(company.member, projectId)
    expect(room.status).toBe('completed')
    expect(room.viewer.nextStatuses).toEqual(['active'])
    expect(room.candidates).toEqual([])
    expect(await refusal(addMilestone(company.member, projectId, { title: 'Trop tard' }))).toMatchObject({ code: 'conflict', message: 'projects.refusals.completed' })

    await changeProjectStatus(company.member, projectId, 'active', at(4))
    const history = (await getProjectRoom(lab.member, projectId)).statusHistory
    const names = new Map(room.members.map((member) => [member.id, member.name]))
    // Newest first.
    expect(history).toEqual([
      { from: 'completed', to: 'active', by: names.get(company.member.id), at: at(4).now.toISOString() },
      { from: 'active', to: 'completed', by: names.get(lab.member.id), at: at(3).now.toISOString() },
      { from: 'paused', to: 'active', by: names.get(lab.member.id), at: at(2).now.toISOString() },
      { from: 'active', to: 'paused', by: names.get(company.member.id), at: at(1).now.toISOString() },
    ])
    const stored = await Project.findById(projectId).lean()
    expect(stored!.statusHistory.map((change) => String(change.by))).toEqual([company.member.id, lab.member.id, lab.member.id, company.member.id])
  })

  it('makes one change when two members click at once', async () => {
    const { company, lab, projectId } = await startedProject()
    const results = await Promise.allSettled([changeProjectStatus(company.member, projectId, 'paused'), changeProjectStatus(lab.member, projectId, 'paused')])
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    expect((await Project.findById(projectId).lean())!.statusHistory).toHaveLength(1)
  })
})

describe('adding colleagues', () => {
  it('brings a colleague of either organisation into the project and its conversation', async () => {
    const { company, lab, projectId } = await startedProject()
    const { roomId } = await projectRoomFor(company.member, projectId)
    const newcomer = await makeUser('industrialist')
    await join(newcomer, company.orgId)
    const labColleague = await makeUser('researcher')
    await join(labColleague, lab.orgId)

    const before = await getProjectRoom(company.member, projectId)
    expect(before.candidates.map((candidate) => [candidate.id, candidate.side]).sort()).toEqual(
      [
        [newcomer.id, 'company'],
        [labColleague.id, 'partner'],
      ].sort(),
    )
    // Not a member yet: the project is private to them.
    expect((await refusal(getProjectRoom(newcomer, projectId))).code).toBe('not_found')

    const added = await addProjectMember(company.member, projectId, newcomer.id)
    expect(added.roomId).toBe(roomId)
    await addProjectMember(company.member, projectId, labColleague.id)
    const project = await Project.findById(projectId).lean()
    expect(project!.members.map(String)).toEqual(expect.arrayContaining([newcomer.id, labColleague.id]))
    expect(project!.memberAdditions.map((addition) => [String(addition.userId), String(addition.by)])).toEqual([
      [newcomer.id, company.member.id],
      [labColleague.id, company.member.id],
    ])
    const conversation = await Conversation.findById(roomId).lean()
    expect(conversation!.participants.map(String)).toEqual(expect.arrayContaining([newcomer.id, labColleague.id]))
    // Each colleague is told who brought them in, and where the room is; nobody else is.
    const need = await Need.findById(project!.needId, { title: 1 }).lean()
    const adder = before.members.find((member) => member.id === company.member.id)!.name
    for (const colleague of [newcomer, labColleague]) {
      const told = await Notification.find({ recipientId: colleague.id, kind: 'project_member_added' }).lean()
      expect(told.map((notification) => [notification.data, notification.link])).toEqual([[{ needTitle: need!.title, actorName: adder }, `/projets/${projectId}`]])
    }
    expect(await Notification.countDocuments({ recipientId: company.member.id, kind: 'project_member_added' })).toBe(0)

    // The newcomer now reads the room, and may in turn act as a member.
    const seen = await getProjectRoom(newcomer, projectId)
    expect(seen.viewer.canEdit).toBe(true)
    expect(seen.members.find((member) => member.id === newcomer.id)?.addedBy?.by).toBe(before.members.find((member) => member.id === company.member.id)!.name)
    expect(seen.candidates).toEqual([])
    expect(await refusal(addProjectMember(company.member, projectId, newcomer.id))).toMatchObject({ code: 'conflict', message: 'projects.refusals.alreadyMember' })
  })

  it('refuses anyone outside both organisations (404), whoever asks', async () => {
    const { company, projectId } = await startedProject()
    const otherOrg = await makeOrg('company')
    const stranger = await makeUser('industrialist')
    await join(stranger, otherOrg)
    const nobody = await makeUser('researcher')
    expect(await refusal(addProjectMember(company.member, projectId, stranger.id))).toMatchObject({ code: 'not_found', message: 'projects.refusals.colleagueNotFound' })
    expect((await refusal(addProjectMember(company.member, projectId, nobody.id))).code).toBe('not_found')
    expect((await refusal(addProjectMember(company.member, projectId, new mongoose.Types.ObjectId().toString()))).code).toBe('not_found')
    expect((await refusal(addProjectMember(company.member, projectId, 'x'))).code).toBe('not_found')
    const project = await Project.findById(projectId).lean()
    expect(project!.members.map(String)).not.toContain(stranger.id)
    expect(project!.memberAdditions).toEqual([])
    const conversation = await Conversation.findOne({ kind: 'project', projectId }).lean()
    expect(conversation?.participants.map(String) ?? []).not.toContain(stranger.id)
  })
})

describe('shared files', () => {
  it('lists the files attached in the room, newest first, with who sent them; deleted messages take theirs away', async () => {
    const { company, lab, projectId } = await startedProject()
    const { roomId } = await projectRoomFor(company.member, projectId)
    const limiter = createRateLimiter({ capacity: 100, refillPerSecond: 100 })
    const send = (actor: Actor, name: string, text: string) =>
      sendAttachment({ ...actor, name: '' }, roomId, { clientId: randomUUID(), file: { name, type: 'text/plain', data: new TextEncoder().encode(text) } }, { limiter })
    await send(company.member, 'cahier-des-charges.txt', 'Trois presses, 20 000 pièces par jour.')
    const second = await send(lab.member, 'plan-essais.txt', 'Semaine 1 : acquisition.')
    const room = await getProjectRoom(lab.member, projectId)
    expect(room.files.map((file) => [file.name, file.author.id, file.size])).toEqual([
      ['plan-essais.txt', lab.member.id, 'Semaine 1 : acquisition.'.length],
      ['cahier-des-charges.txt', company.member.id, new TextEncoder().encode('Trois presses, 20 000 pièces par jour.').byteLength],
    ])
    expect(room.files[0]!.href).toBe(`/messages/${roomId}/fichiers/${second.message.attachments[0]!.id}`)

    await Message.updateOne({ _id: second.message.id }, { $set: { deletedAt: new Date() } })
    expect((await getProjectRoom(lab.member, projectId)).files.map((file) => file.name)).toEqual(['cahier-des-charges.txt'])
    expect(room.room.unread).toBe(1)
  })
})
