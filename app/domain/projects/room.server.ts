import mongoose from 'mongoose'
import { Message } from '../messaging/model.server'
import { ensureProjectConversation, unreadCounts } from '../messaging/service.server'
import { User } from '../users/model.server'

/**
 * The project room's conversation, seen from the projects area. Membership of the conversation
 * goes through the messaging service's own `ensureProjectConversation` (an `$addToSet` of
 * participants, never a removal), so messaging stays the one writer of its participants.
 * Callers have already checked that the actor may see the project.
 */
const { ObjectId } = mongoose.Types

/** The room with every project member and the following animators in it; its id. */
export async function syncRoom(projectId: string, memberIds: string[], animatorIds: string[]): Promise<string> {
  const { id } = await ensureProjectConversation(projectId, [...new Set([...memberIds, ...animatorIds])])
  return id
}

export async function roomUnread(userId: string, roomId: string): Promise<number> {
  return (await unreadCounts(userId, [roomId]))[roomId] ?? 0
}

export type SharedFileView = {
  id: string
  name: string
  type: string
  size: number
  author: { id: string; name: string }
  at: string
  /** The messaging area's members-only download route. */
  href: string
}

/** Files attached in the room (newest first), from messages that still exist. */
export async function roomFiles(roomId: string, limit = 100): Promise<SharedFileView[]> {
  const messages = await Message.find(
    { conversationId: new ObjectId(roomId), deletedAt: null, 'attachments.0': { $exists: true } },
    { authorId: 1, attachments: 1, createdAt: 1 },
  )
    .sort({ _id: -1 })
    .limit(limit)
    .lean()
  const authors = await User.find({ _id: { $in: [...new Set(messages.map((message) => String(message.authorId)))] } }, { name: 1 }).lean()
  const names = new Map(authors.map((author) => [String(author._id), author.name]))
  return messages.flatMap((message) =>
    (message.attachments ?? []).map((file) => ({
      id: String(file.fileId),
      name: file.name,
      type: file.type,
      size: file.size,
      author: { id: String(message.authorId), name: names.get(String(message.authorId)) ?? '' },
      at: (message.createdAt ?? message._id.getTimestamp()).toISOString(),
      href: `/messages/${roomId}/fichiers/${String(file.fileId)}`,
    })),
  )
}
