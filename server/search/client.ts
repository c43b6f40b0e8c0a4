import { MeiliSearch } from 'meilisearch'

/**
 * The client asks for gzip/br by default and every response then arrives ~45 ms late
 * on loopback (delayed-ACK interaction, measured in SERVICES.md): ask for identity.
 */
export function createSearchClient(url: string, apiKey: string | undefined) {
  return new MeiliSearch({
    host: url,
    apiKey,
    timeout: 5_000,
    requestInit: { headers: { 'accept-encoding': 'identity' } },
  })
}

export type SearchClient = ReturnType<typeof createSearchClient>
