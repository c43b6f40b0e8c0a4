import type orgsFr from '../fr/orgs'
import type { SameShape } from '../shape'

const orgs: SameShape<typeof orgsFr> = {}

export default orgs
