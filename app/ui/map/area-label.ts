import type { Translate } from '~/i18n/translator'
import type { MapLayer } from '~/domain/map/filters'
import type { ShownCount } from '~/domain/map/small-counts'
import '~/i18n/areas/map'

/** « 12 besoins » / « moins de 3 besoins ». */
export const needsText = (t: Translate, count: ShownCount) => (count.kind === 'exact' ? t('map.needs', { count: count.value }) : t('map.needsFew'))
export const competencesText = (t: Translate, count: ShownCount) => (count.kind === 'exact' ? t('map.competences', { count: count.value }) : t('map.competencesFew'))
/** A table cell: « 12 » / « moins de 3 ». */
export const countText = (t: Translate, count: ShownCount) => (count.kind === 'exact' ? String(count.value) : t('map.fewer'))

/** An area's accessible name: « Jura : 12 besoins, 3 organisations », and the gap when there is one. */
export function areaLabel(t: Translate, layer: MapLayer, area: { name: string; needs: ShownCount; competences: ShownCount; gap: boolean }) {
  const label = t(`map.area.${layer}`, { name: area.name, needs: needsText(t, area.needs), competences: competencesText(t, area.competences) })
  return area.gap ? t('map.area.gap', { label }) : label
}
