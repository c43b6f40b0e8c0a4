import { describe, expect, it } from 'vitest'
import { areaChunksOf, areasAwaitedBy, areaTextFiles, textsModuleOf } from '~/i18n/area-chunks'

const root = '/work/app'
const built = [
  { fileName: 'assets/root-1.js', facadeModuleId: `${root}/app/root.tsx`, moduleIds: [`${root}/app/root.tsx`, `${root}/app/i18n/areas/common.ts`] },
  { fileName: 'assets/needs-2.js', facadeModuleId: `${root}/app/i18n/areas/needs.ts`, moduleIds: [`${root}/app/i18n/areas/needs.ts`] },
  { fileName: 'assets/page-3.js', facadeModuleId: `${root}/app/routes/page.tsx`, moduleIds: [`${root}/app/routes/page.tsx`, `${root}/app/i18n/areas/orgs.ts`, `${root}/app/i18n/areas/search.ts`] },
  { fileName: 'assets/i18n-fr-needs-4.js', facadeModuleId: `${root}/app/i18n/locales/fr/needs.ts`, moduleIds: [`${root}/app/i18n/locales/fr/needs.ts`] },
  { fileName: 'assets/i18n-en-needs-5.js', facadeModuleId: `${root}/app/i18n/locales/en/needs.ts`, moduleIds: [`${root}/app/i18n/locales/en/needs.ts`] },
  { fileName: 'assets/i18n-fr-common-6.js', facadeModuleId: `${root}/app/i18n/locales/fr/common.ts`, moduleIds: [`${root}/app/i18n/locales/fr/common.ts`] },
  { fileName: 'assets/i18n-fr-orgs-7.js', facadeModuleId: `${root}/app/i18n/locales/fr/orgs.ts`, moduleIds: [`${root}/app/i18n/locales/fr/orgs.ts`] },
  { fileName: 'assets/context-8.js', facadeModuleId: null, moduleIds: [`${root}/node_modules/react-dom/index.js`] },
]

describe('translation area chunks', () => {
  const chunks = areaChunksOf(built)

  it('maps each built module to the areas it awaits, and each language and area to its file', () => {
    expect(chunks.awaitedBy).toEqual({ '/assets/root-1.js': ['common'], '/assets/needs-2.js': ['needs'], '/assets/page-3.js': ['orgs', 'search'] })
    expect(chunks.texts).toEqual({
      fr: { needs: '/assets/i18n-fr-needs-4.js', common: '/assets/i18n-fr-common-6.js', orgs: '/assets/i18n-fr-orgs-7.js' },
      en: { needs: '/assets/i18n-en-needs-5.js' },
    })
  })

  it("gives a page's areas once each, and their files in the page's language only", () => {
    const modules = ['/assets/root-1.js', '/assets/page-3.js', '/assets/needs-2.js', '/assets/context-8.js', '/assets/root-1.js']
    expect(areasAwaitedBy(chunks, modules)).toEqual(['common', 'needs', 'orgs', 'search'])
    expect(areaTextFiles(chunks, 'fr', modules)).toEqual(['/assets/i18n-fr-common-6.js', '/assets/i18n-fr-needs-4.js', '/assets/i18n-fr-orgs-7.js'])
    expect(areaTextFiles(chunks, 'en', modules)).toEqual(['/assets/i18n-en-needs-5.js'])
    expect(areaTextFiles(chunks, 'fr', ['/assets/context-8.js'])).toEqual([])
  })

  it('recognise a module of texts by its path, which names its chunk (vite.config.ts)', () => {
    expect(textsModuleOf(`${root}/app/i18n/locales/en/proposals.ts`)).toEqual({ language: 'en', area: 'proposals' })
    expect(textsModuleOf(`${root}/app/i18n/areas/needs.ts`)).toBeNull()
    expect(textsModuleOf(`${root}/app/i18n/locales/fr/index.ts.map`)).toBeNull()
    expect(textsModuleOf(null)).toBeNull()
  })
})
