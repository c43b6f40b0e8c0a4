import { Link } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from '~/i18n/react'
import { demoTerritories } from '~/domain/places/territories'
import { technologyDomains } from '~/domain/taxonomy/domains'
import type { Language } from '~/i18n/config'
import { Button } from '~/ui/button'
import { Dialog } from '~/ui/dialog'
import type { PageHandle } from '~/ui/page-title'

export const handle: PageHandle = { titleKey: 'meta.title', standalone: true }

/** Each persona's first step, from the front door. */
const personas = [
  { id: 'industrialist', href: '/besoins/nouveau' },
  { id: 'researcher', href: '/besoins' },
  { id: 'animator', href: '/recherche' },
] as const
const steps = ['post', 'receive', 'collaborate'] as const

export default function Home() {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const [trlOpen, setTrlOpen] = useState(false)
  const regions = [...new Set(demoTerritories.map((territory) => territory.region))]

  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <p className="eyebrow">{t('home.eyebrow')}</p>
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
      </section>

      <section aria-labelledby="personas-title" className="section">
        <h2 id="personas-title">{t('home.personasTitle')}</h2>
        <ul className="card-grid">
          {personas.map((persona) => (
            <li key={persona.id} className="card">
              <h3>{t(`home.personas.${persona.id}.title`)}</h3>
              <p>{t(`home.personas.${persona.id}.text`)}</p>
              <Link to={persona.href}>{t(`home.personas.${persona.id}.cta`)}</Link>
            </li>
          ))}
        </ul>
      </section>

      <section id="comment-ca-marche" aria-labelledby="steps-title" className="section">
        <h2 id="steps-title">{t('home.stepsTitle')}</h2>
        <ol className="steps">
          {steps.map((step) => (
            <li key={step} className="step">
              <h3>{t(`home.steps.${step}.title`)}</h3>
              <p>{t(`home.steps.${step}.text`)}</p>
            </li>
          ))}
        </ol>
        <div className="callout">
          <h3>{t('home.confidentialityTitle')}</h3>
          <p>{t('home.confidentiality')}</p>
          <Button variant="secondary" onClick={() => setTrlOpen(true)}>
            {t('home.trlButton')}
          </Button>
        </div>
        <Dialog open={trlOpen} onClose={() => setTrlOpen(false)} title={t('home.trlDialogTitle')}>
          <p>{t('home.trlDialogText')}</p>
        </Dialog>
      </section>

      <section id="domaines" aria-labelledby="domains-title" className="section">
        <h2 id="domains-title">{t('home.domainsTitle')}</h2>
        <p>{t('home.domainsLead')}</p>
        <ul className="tag-list">
          {technologyDomains.map((domain) => (
            <li key={domain.id} className="tag">
              {domain.label[language] ?? domain.label.fr}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="territories-title" className="section">
        <h2 id="territories-title">{t('home.territoriesTitle')}</h2>
        <div className="territories">
          {regions.map((region) => (
            <div key={region}>
              <h3 lang="fr">{region}</h3>
              <ul className="tag-list">
                {demoTerritories
                  .filter((territory) => territory.region === region)
                  .map((territory) => (
                    <li key={territory.id} className="tag tag-muted" lang="fr">
                      {territory.name}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </div>
      </section>
    </>
  )
}
