import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from '~/i18n/react'
import { SiteHeader, type LayoutUser } from './shell/site-header'

export type { LayoutUser }

export function AppLayout({ user, children }: { user: LayoutUser; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <>
      <a className="skip-link" href="#contenu">
        {t('layout.skipToContent')}
      </a>
      <SiteHeader user={user} />
      <main id="contenu" className="container main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <nav aria-label={t('layout.footer.navLabel')} className="footer-nav">
            <ul>
              <li>
                <Link to="/mentions-legales">{t('layout.footer.legalNotice')}</Link>
              </li>
              <li>
                <Link to="/confidentialite">{t('layout.footer.privacy')}</Link>
              </li>
              <li>
                <Link to="/conditions-utilisation">{t('layout.footer.terms')}</Link>
              </li>
              <li>
                <Link to="/accessibilite">{t('layout.footer.accessibility')}</Link>
              </li>
              <li>
                <Link to="/territoires">{t('layout.footer.territories')}</Link>
              </li>
              <li>
                <Link to="/rencontres">{t('layout.footer.meetings')}</Link>
              </li>
              <li>
                <Link to="/contact">{t('layout.footer.contact')}</Link>
              </li>
              <li>
                <Link to="/statistiques">{t('layout.footer.statistics')}</Link>
              </li>
              <li>
                <Link to="/donnees-ouvertes">{t('layout.footer.openData')}</Link>
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
