import admin from './admin'
import alerts from './alerts'
import auth from './auth'
import common from './common'
import messaging from './messaging'
import moderation from './moderation'
import needs from './needs'
import notifications from './notifications'
import orgs from './orgs'
import mail from './mail'
import projects from './projects'
import legal from './legal'
import meetings from './meetings'
import search from './search'
import map from './map'
import statistics from './statistics'
import territories from './territories'
import brokerage from './brokerage'
import reporting from './reporting'
import proposals from './proposals'

/** French is the reference language; each area keeps its strings in its own file. */
const fr = { ...common, admin, auth, orgs, needs, messaging, search, moderation, projects, notifications, legal, mail, alerts, meetings, map, statistics, territories, brokerage, reporting, proposals }

export default fr
export type Translations = typeof fr
