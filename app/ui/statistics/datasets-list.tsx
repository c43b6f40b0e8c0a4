import { useTranslation } from '~/i18n/react'
import { datasetNames } from '~/domain/statistics/open-data/table-schema'
import '~/i18n/areas/statistics'

/** The open datasets, each with its three files (CSV, JSON, Table Schema) at stable addresses. */
export function DatasetsList() {
  const { t } = useTranslation()
  return (
    <ul className="datasets">
      {datasetNames.map((name) => {
        const title = t(`statistics.openData.datasets.${name}.title`)
        return (
          <li key={name} className="dataset">
            <h3>{title}</h3>
            <p>{t(`statistics.openData.datasets.${name}.description`)}</p>
            <p>
              {t('statistics.openData.formats')} :{' '}
              <a href={`/donnees-ouvertes/${name}.csv`} aria-label={t('statistics.openData.fileLabel', { format: t('statistics.openData.csv'), dataset: title })}>
                {t('statistics.openData.csv')}
              </a>
              {' · '}
              <a href={`/donnees-ouvertes/${name}.json`} aria-label={t('statistics.openData.fileLabel', { format: t('statistics.openData.json'), dataset: title })}>
                {t('statistics.openData.json')}
              </a>
              {' · '}
              <a href={`/donnees-ouvertes/${name}.schema.json`} aria-label={t('statistics.openData.fileLabel', { format: t('statistics.openData.schema'), dataset: title })}>
                {t('statistics.openData.schema')}
              </a>
              {' · '}
              <code>/donnees-ouvertes/{name}.csv</code>
            </p>
          </li>
        )
      })}
    </ul>
  )
}
