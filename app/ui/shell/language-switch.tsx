import { Form, useLocation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { supportedLanguages, type Language } from '~/i18n/config'

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
