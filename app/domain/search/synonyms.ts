import { technologyDomains } from '../taxonomy/domains'

/**
 * Meilisearch synonyms from the taxonomy: every term of a domain stands for every other
 * term of the same domain ("impression 3D" ⇄ "fabrication additive" ⇄ "3D printing").
 * Meilisearch matches synonyms case-insensitively, so keys are lower-cased and de-duplicated.
 */
export function buildSynonyms(domains: readonly { synonyms: readonly string[]; label: { fr: string; en: string } }[] = technologyDomains) {
  const synonyms: Record<string, string[]> = {}
  for (const domain of domains) {
    const terms = [...new Set(domain.synonyms.map((term) => term.trim().toLowerCase()).filter(Boolean))]
    for (const term of terms) {
      const others = terms.filter((other) => other !== term)
      if (!others.length) continue
      synonyms[term] = [...new Set([...(synonyms[term] ?? []), ...others])]
    }
  }
  return synonyms
}
