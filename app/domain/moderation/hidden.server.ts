import mongoose from 'mongoose'
import { ModerationState, type ModerationTargetKind } from './model.server'
import { isObjectId } from '../ids'

/**
 * Hidden content, read by the pages that list it: a listing query adds
 * `_id: { $nin: await hiddenIds('need') }` (or filters its results with `isHidden`).
 */
export async function isHidden(targetKind: ModerationTargetKind, targetId: string): Promise<boolean> {
  return Boolean(await ModerationState.exists({ targetKind, targetId, hiddenAt: { $ne: null } }))
}

export async function hiddenIds(targetKind: ModerationTargetKind): Promise<string[]> {
  const states = await ModerationState.find({ targetKind, hiddenAt: { $ne: null } }, { targetId: 1 }).lean()
  return states.map((state) => state.targetId)
}

/** A filter to spread into a listing query so hidden documents are left out: `{ ...filter, ...(await notHidden('need')) }`. */
export async function notHidden(targetKind: ModerationTargetKind): Promise<{ _id?: { $nin: mongoose.Types.ObjectId[] } }> {
  const ids = (await hiddenIds(targetKind)).filter(isObjectId)
  return ids.length ? { _id: { $nin: ids.map((id) => new mongoose.Types.ObjectId(id)) } } : {}
}

/** Why a piece of content is hidden (shown to its author), or null if it is not. */
export async function hiddenReason(targetKind: ModerationTargetKind, targetId: string): Promise<{ hiddenAt: string; reason: string } | null> {
  const state = await ModerationState.findOne({ targetKind, targetId, hiddenAt: { $ne: null } }).lean()
  return state?.hiddenAt ? { hiddenAt: state.hiddenAt.toISOString(), reason: state.hiddenReason ?? '' } : null
}

export async function setHidden(
  targetKind: ModerationTargetKind,
  targetId: string,
  hidden: { by: string; reason: string; at: Date } | null,
  session?: mongoose.ClientSession,
) {
  await ModerationState.updateOne(
    { targetKind, targetId },
    {
      $set: hidden
        ? // A new hiding opens a new appeal.
          { hiddenAt: hidden.at, hiddenReason: hidden.reason, hiddenBy: hidden.by, appealText: '', appealedAt: null, appealedBy: null, appealDecision: null, appealDecidedAt: null }
        : { hiddenAt: null },
    },
    { upsert: true, session },
  )
}
