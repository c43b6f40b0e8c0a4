import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { supportedLanguages, type Language } from '~/i18n/config'
import { usePresenceReporter } from '~/realtime/use-presence'
import { MessagesNavLink } from './conversation-nav'
import { NotificationsNavLink } from './notifications'

/** The signed-in person as the navigation needs them: what it may offer comes as flags (permissions.ts). */
export type LayoutUser = { id: string; name: string; canModerate: boolean; canAppointAnimators: boolean } | null

export function AppLayout({ user, children }: { user: LayoutUser; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <>
      <a className="skip-link" href="#contenu">
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand" aria-label={t('layout.homeLink')}>
            <span className="brand-mark" aria-hidden="true">
              ⇄
            </span>
            <span className="brand-name">Passerelle</span>
            <span className="brand-tagline">{t('layout.tagline')}</span>
          </Link>
          <nav aria-label={t('layout.mainNav')} className="main-nav">
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('layout.nav.home')}
                </NavLink>
              </li>
              <li>
                <a href="/#comment-ca-marche">{t('layout.nav.howItWorks')}</a>
              </li>
              <li>
                <a href="/#domaines">{t('layout.nav.domains')}</a>
              </li>
              <li>
                <NavLink to="/besoins">{t('layout.nav.needs')}</NavLink>
              </li>
              <li>
                <NavLink to="/organisations">{t('layout.nav.organisations')}</NavLink>
              </li>
              {user ? (
                <li key="layout.nav.messages">
                  <MessagesNavLink userId={user.id} />
                </li>
              ) : null}
              {user ? (
                <li key="notifications.nav">
                  <NotificationsNavLink userId={user.id} />
                  <PresenceReporter userId={user.id} />
                </li>
              ) : null}
              <li key="layout.nav.search">
                <NavLink to="/recherche">{t('layout.nav.search')}</NavLink>
              </li>
              {user?.canModerate ? (
                <li key="layout.nav.animation">
                  <NavLink to="/animation">{t('layout.nav.animation')}</NavLink>
                </li>
              ) : null}
              {user?.canAppointAnimators ? (
                <li key="admin.nav">
                  <NavLink to="/admin/animateurs">{t('admin.nav')}</NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
          <UserMenu user={user} />
          <LanguageSwitch />
        </div>
      </header>
      <main id="contenu" className="container main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <nav aria-label={t('legal.footer.navLabel')} className="footer-nav">
            <ul>
              <li>
                <Link to="/mentions-legales">{t('legal.footer.legalNotice')}</Link>
              </li>
              <li>
                <Link to="/confidentialite">{t('legal.footer.privacy')}</Link>
              </li>
              <li>
                <Link to="/conditions-utilisation">{t('legal.footer.terms')}</Link>
              </li>
              <li>
                <Link to="/accessibilite">{t('legal.footer.accessibility')}</Link>
              </li>
              <li>
                <Link to="/contact">{t('legal.footer.contact')}</Link>
              </li>
            </ul>
          </nav>
          <p>{t('layout.footer.about')}</p>
          <p className="muted">{t('layout.footer.demoNotice')}</p>
        </div>
      </footer>
    </>
  )
}

/** A plain POST form: switching language works before (and without) JavaScript. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  const current = i18n.language as Language
  return (
    <Form method="post" action="/langue" className="language-switch" aria-label={t('language.label')} reloadDocument>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {supportedLanguages.map((language) => (
        <button
          key={language}
          type="submit"
          name="language"
          value={language}
          lang={language}
          className="btn btn-ghost"
          aria-pressed={language === current}
          title={t('language.switchTo', { language: t(`language.names.${language}`) })}
        >
          {language.toUpperCase()}
          <span className="visually-hidden"> — {t(`language.names.${language}`)}</span>
        </button>
      ))}
    </Form>
  )
}

function UserMenu({ user }: { user: LayoutUser }) {
  const { t } = useTranslation()
  if (!user) {
    return (
      <ul className="user-menu">
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
  return (
    <ul className="user-menu">
      <li>
        <NavLink to="/compte">{t('layout.nav.account', { name: user.name })}</NavLink>
      </li>
      <li>
        <Form method="post" action="/deconnexion">
          <button type="submit" className="btn btn-ghost">
            {t('layout.nav.signOut')}
          </button>
        </Form>
      </li>
    </ul>
  )
}

/** Reports whether this tab is in use (online) or hidden/idle (away); renders nothing. */
function PresenceReporter({ userId }: { userId: string }) {
  usePresenceReporter(userId)
  return null
}
