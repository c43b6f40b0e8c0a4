import { Schema } from 'mongoose'

/**
 * A commune as the models store it, from official codes (app/domain/places/communes.server.ts,
 * @etalab/decoupage-administratif): the one shape of a need's, an organisation's and a meeting's place.
 */
export const communeLocationFields = {
  communeCode: { type: String, required: true, match: /^[0-9AB]{5}$/ },
  communeName: { type: String, required: true },
  departementCode: { type: String, required: true },
  departementName: { type: String, required: true },
  regionCode: { type: String, required: true },
  regionName: { type: String, required: true },
  /** The delegated or former commune chosen (Morez in Hauts de Bienne), shown with the current one. */
  delegatedName: { type: String, default: null },
} as const

export const communeLocationSchema = new Schema(communeLocationFields, { _id: false })

/** A space that animates something (app/domain/actor.ts `Space`): a territory by id, or a cluster/pôle by organisation id. */
export const spaceSchema = new Schema(
  { kind: { type: String, enum: ['organisation', 'territory'], required: true }, ref: { type: String, required: true } },
  { _id: false },
)
