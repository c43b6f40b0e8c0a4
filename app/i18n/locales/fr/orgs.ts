/** Strings of the orgs area (French reference). */
const orgs = {}

export default orgs
