import type authFr from '../fr/auth'
import type { SameShape } from '../shape'

const auth: SameShape<typeof authFr> = {}

export default auth
