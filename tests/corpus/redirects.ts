/**
 * Redirect targets that must never leave the site, whatever a browser makes of them: the probe's
 * findings (tab, newline), backslashes, encoded and full-width forms, other schemes. Shared by the
 * unit test of the rule and the e2e test that lets Chromium follow each one.
 */
export const offSiteRedirects: readonly string[] = [
  '//evil.example/',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/\\evil.example',
  '/\\\\evil.example',
  '\\/evil.example',
  '/\t\\evil.example',
  '/%2F%2Fevil.example',
  '/%2f/evil.example',
  '/%5Cevil.example',
  '/%5C%5Cevil.example',
  '/%252F%252Fevil.example',
  '/%09/evil.example',
  '/%0A/evil.example',
  ' //evil.example',
  '///evil.example',
  'https://evil.example',
  'http:/evil.example',
  'HTTPS://evil.example',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '/\u0000/evil.example',
  '\uFF0F\uFF0Fevil.example',
  'evil.example',
  '@evil.example',
  '',
]

/** Same-site targets that must survive the rule (normalised to what a browser would request). */
export const sameSiteRedirects: ReadonlyArray<readonly [string, string]> = [
  ['/', '/'],
  ['/besoins?domaine=ia', '/besoins?domaine=ia'],
  ['/compte#profil', '/compte#profil'],
  ['/recherche?q=%C3%A9tanch%C3%A9it%C3%A9&page=2', '/recherche?q=%C3%A9tanch%C3%A9it%C3%A9&page=2'],
  ['/organisations/fonderie-de-l’est', '/organisations/fonderie-de-l%E2%80%99est'],
  ['/besoins/．evil', '/besoins/%EF%BC%8Eevil'],
  ['/\u3002evil.example', '/%E3%80%82evil.example'],
  ['/a/../compte', '/compte'],
  ['/invitations/abc?x=//evil.example', '/invitations/abc?x=//evil.example'],
]
