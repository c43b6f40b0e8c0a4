import { Form, Link, NavLink } from '@remix-run/react'
import type { RefObject } from 'react'
import { useTranslation } from '~/i18n/react'
import { usePresenceReporter } from '~/realtime/use-presence'
import { Avatar } from '~/ui/avatar'
import { MessagesNavLink } from '~/ui/conversation-nav'
import { NotificationsNavLink } from '~/ui/notifications'
import { DisclosureButton } from './disclosure-button'
import { useDisclosure } from './disclosure'
import { LanguageSwitch } from './language-switch'
import { LogoMark } from './logo'

/** The signed-in person as the navigation needs them: what it may offer comes as flags (permissions.ts). */
export type LayoutUser = { id: string; name: string; canModerate: boolean; canAppointAnimators: boolean; needsFirst: boolean; proposalsFirst: boolean } | null

const MENU_ID = 'menu-principal'
const ACCOUNT_MENU_ID = 'menu-compte'

/**
 * One line on desktop: the mark, the persona's everyday links, then notifications, language and
 * the account menu. Below 48rem the same elements sit in a panel opened by « Menu » (focus kept
 * inside while open); without JavaScript the button is a link to the panel, shown by `:target`.
 */
export function SiteHeader({ user }: { user: LayoutUser }) {
  const { t } = useTranslation()
  const menu = useDisclosure({ trapFocus: true })
  return (
    <header className="site-header">
      <div className="container header-inner" ref={menu.containerRef as RefObject<HTMLDivElement>}>
        <Link to="/" className="brand" aria-label={t('layout.homeLink')}>
          <LogoMark />
          <span className="brand-name">Passerelle</span>
          <span className="brand-tagline">{t('layout.tagline')}</span>
        </Link>
        <DisclosureButton panelId={MENU_ID} open={menu.open} onToggle={menu.toggle} buttonRef={menu.buttonRef} className="btn btn-secondary menu-toggle">
          <MenuIcon open={menu.open} />
          {t('layout.menu')}
        </DisclosureButton>
        <div id={MENU_ID} className={`site-menu${menu.open ? ' is-open' : ''}`}>
          <nav aria-label={t('layout.mainNav')} className="main-nav">
            <ul>{user ? <MemberLinks user={user} /> : <VisitorLinks />}</ul>
          </nav>
          <div className="header-tools">
            {user ? (
              <>
                <NotificationsNavLink userId={user.id} />
                <PresenceReporter userId={user.id} />
              </>
            ) : null}
            <LanguageSwitch />
            {user ? <AccountMenu user={user} /> : <SignInLinks />}
          </div>
        </div>
      </div>
    </header>
  )
}

function VisitorLinks() {
  const { t } = useTranslation()
  return (
    <>
      <li>
        <NavLink to="/recherche">{t('layout.nav.search')}</NavLink>
      </li>
      <li>
        <NavLink to="/besoins">{t('layout.nav.needs')}</NavLink>
      </li>
      <li>
        <NavLink to="/organisations">{t('layout.nav.organisations')}</NavLink>
      </li>
      <li>
        <a href="/#comment-ca-marche">{t('layout.nav.howItWorks')}</a>
      </li>
    </>
  )
}

/** The persona's everyday work first (navigationFlags), then search and messages for everyone. */
function MemberLinks({ user }: { user: NonNullable<LayoutUser> }) {
  const { t } = useTranslation()
  return (
    <>
      {user.needsFirst ? (
        <>
          <li>
            <NavLink to="/besoins/nouveau">{t('layout.nav.postNeed')}</NavLink>
          </li>
          <li>
            <NavLink to="/mes-besoins">{t('layout.nav.myNeeds')}</NavLink>
          </li>
        </>
      ) : null}
      {user.canModerate ? (
        <li>
          <NavLink to="/animation">{t('layout.nav.animation')}</NavLink>
        </li>
      ) : null}
      {user.canAppointAnimators ? (
        <li>
          <NavLink to="/admin/animateurs">{t('layout.nav.admin')}</NavLink>
        </li>
      ) : null}
      <li>
        <NavLink to="/recherche">{t('layout.nav.search')}</NavLink>
      </li>
      {user.proposalsFirst ? (
        <li>
          <NavLink to="/mes-propositions">{t('layout.nav.myProposals')}</NavLink>
        </li>
      ) : null}
      <li>
        <MessagesNavLink userId={user.id} />
      </li>
    </>
  )
}

function SignInLinks() {
  const { t } = useTranslation()
  return (
    <ul className="sign-in-links">
      <li>
        <Link to="/connexion">{t('layout.nav.signIn')}</Link>
      </li>
      <li>
        <Link to="/inscription" className="btn btn-primary">
          {t('layout.nav.signUp')}
        </Link>
      </li>
    </ul>
  )
}

/** « Mon compte »: everything that is not everyday work. On phones it is laid out open in the menu panel. */
function AccountMenu({ user }: { user: NonNullable<LayoutUser> }) {
  const { t } = useTranslation()
  const menu = useDisclosure()
  return (
    <div className="account-menu" ref={menu.containerRef as RefObject<HTMLDivElement>}>
      <DisclosureButton panelId={ACCOUNT_MENU_ID} open={menu.open} onToggle={menu.toggle} buttonRef={menu.buttonRef} className="btn btn-ghost account-menu-toggle">
        <Avatar id={user.id} name={user.name} size="sm" />
        <span aria-hidden="true">{t('layout.accountMenu.button')}</span>
        <span className="visually-hidden">{t('layout.nav.account', { name: user.name })}</span>
      </DisclosureButton>
      <div id={ACCOUNT_MENU_ID} className={`account-menu-panel${menu.open ? ' is-open' : ''}`}>
        <p className="account-menu-who">
          <Avatar id={user.id} name={user.name} />
          <span>{t('layout.accountMenu.signedInAs', { name: user.name })}</span>
        </p>
        <nav aria-label={t('layout.accountMenu.label')}>
          <ul>
            <li>
              <NavLink to="/compte" end>
                {t('layout.accountMenu.account')}
              </NavLink>
            </li>
            {user.needsFirst ? null : (
              <li>
                <NavLink to="/mes-besoins">{t('layout.nav.myNeeds')}</NavLink>
              </li>
            )}
            {user.proposalsFirst ? null : (
              <li>
                <NavLink to="/mes-propositions">{t('layout.nav.myProposals')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/besoins" end>
                {t('layout.accountMenu.needs')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/organisations" end>
                {t('layout.accountMenu.organisations')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/compte/donnees">{t('layout.accountMenu.data')}</NavLink>
            </li>
          </ul>
        </nav>
        <Form method="post" action="/deconnexion">
          <button type="submit" className="btn btn-ghost">
            {t('layout.nav.signOut')}
          </button>
        </Form>
      </div>
    </div>
  )
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      {open ? <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" /> : <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />}
    </svg>
  )
}

/** Reports whether this tab is in use (online) or hidden/idle (away); renders nothing. */
function PresenceReporter({ userId }: { userId: string }) {
  usePresenceReporter(userId)
  return null
}
