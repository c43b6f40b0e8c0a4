import type fr from '../fr/map'
import type { SameShape } from '../shape'

const map: SameShape<typeof fr> = {
  title: 'Map of needs and competences',
  lead: 'Where industrial needs arise, where the competences to answer them are, and where one lacks the other nearby. Each département leads to the filtered search.',
  backToSearch: 'Back to search',
  form: {
    label: 'Map filters',
    layer: 'Show',
    filters: 'Filters',
    submit: 'Update the map',
    clear: 'Clear filters',
  },
  layers: { both: 'Needs and competences', needs: 'Needs', competences: 'Competences' },
  figure: 'Map of metropolitan France by département',
  area: {
    both: '{{name}}: {{needs}}, {{competences}}',
    needs: '{{name}}: {{needs}}',
    competences: '{{name}}: {{competences}}',
    gap: '{{label}} — needs with no competence nearby',
  },
  needs_one: '{{count}} need',
  needs_other: '{{count}} needs',
  needsFew: 'fewer than 3 needs',
  competences_one: '{{count}} organisation',
  competences_other: '{{count}} organisations',
  competencesFew: 'fewer than 3 organisations',
  fewer: 'fewer than 3',
  legend: {
    title: 'Legend',
    colouredBy: { both: 'Colour: number of needs', needs: 'Colour: number of needs', competences: 'Colour: number of organisations' },
    range: '{{from}} to {{to}}',
    single: '{{from}}',
    gap: 'Needs with no competence nearby (neither in the département nor in a neighbouring one)',
    gapCount_one: '{{count}} département in this case',
    gapCount_other: '{{count}} départements in this case',
  },
  table: {
    show: 'See the table',
    caption: 'Needs and organisations by département',
    departement: 'Département',
    needs: 'Needs',
    competences: 'Organisations',
    gap: 'No competence nearby',
    yes: 'Yes',
    no: 'No',
  },
  territories: {
    title: 'By Territoire d’industrie',
    caption: 'Needs and organisations by Territoire d’industrie',
    territory: 'Territoire d’industrie',
  },
  overseas: 'Overseas départements are not drawn (the boundaries used do not include them): their figures are in the table.',
  smallCounts: 'So that no company can be singled out, a figure below 3 reads “fewer than 3”.',
  credit: 'Département boundaries: {{author}}, licence',
  unavailable: 'The map is unavailable for a moment. Try again shortly; the list search still works.',
  errors: {
    tooLong: 'This map address is too long. Choose fewer filters.',
    unknownFilter: 'This map address contains an unknown filter. The possible filters are: domain, filière, TRL, status, kind of organisation and display.',
    badValue: 'This map address contains a filter value that does not exist (for instance a TRL outside 1 to 9).',
    backToMap: 'Back to the map without filters',
  },
}

export default map
