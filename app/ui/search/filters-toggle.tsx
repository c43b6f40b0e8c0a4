import { useTranslation } from '~/i18n/react'
import { useHydrated } from '~/ui/use-hydrated'
import '~/i18n/areas/search'

/**
 * « Filtres », shown on phones only (the stylesheet hides the place and facet filters there until
 * it is pressed), so the first result is near the top. Before JavaScript it is a link to the
 * search form's anchor, whose `:target` shows them.
 */
export function FiltersToggle({ formId, open, onToggle }: { formId: string; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation()
  const hydrated = useHydrated()
  if (!hydrated) {
    return (
      <a href={`#${formId}`} className="btn btn-secondary filters-toggle">
        {t('search.filters.toggle')}
      </a>
    )
  }
  return (
    <button type="button" className="btn btn-secondary filters-toggle" aria-expanded={open} aria-controls="search-near-filters search-facets" onClick={onToggle}>
      {t('search.filters.toggle')}
    </button>
  )
}
