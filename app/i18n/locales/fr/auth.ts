/** Strings of the auth area (French reference). */
const auth = {}

export default auth
