import auth from './auth'
import common from './common'
import orgs from './orgs'

/** French is the reference language; each area keeps its strings in its own file. */
const fr = { ...common, auth, orgs }

export default fr
export type Translations = typeof fr
