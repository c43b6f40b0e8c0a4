import { describe, expect, it } from 'vitest'
import { demoNeeds } from '../../seeds/demo/needs'
import { demoOrganisations } from '../../seeds/demo/organisations'

/** "Aéro Usinage Montauban (fictive)" → "aéro usinage montauban": how a name would give the company away. */
const bareName = (name: string) => name.replace(/\s*\(fictive?\)$/i, '').toLowerCase()

describe('demo data: an anonymised need never names its company', () => {
  const companies = new Map(demoOrganisations.filter((org) => org.kind === 'company').map((org) => [org.slug, org]))
  const anonymous = demoNeeds().filter((need) => need.confidentiality === 'anonymous')

  it('has anonymised needs to check', () => {
    expect(anonymous.length).toBeGreaterThan(3)
  })

  it('keeps the company’s name and its profile text out of the title, summary and description', () => {
    for (const need of anonymous) {
      const company = companies.get(need.company)!
      const text = [need.title, need.summary, need.description].join('\n').toLowerCase()
      expect(text, `${need.key} names ${company.name}`).not.toContain(bareName(company.name))
      expect(text, `${need.key} copies ${company.name}’s profile`).not.toContain(company.description.toLowerCase().slice(0, 60))
    }
  })
})
