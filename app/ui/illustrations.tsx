/**
 * Small decorative drawings for empty states: inline SVG (no request, no text inside), in the
 * site's two blues and its amber accent. The state's heading says what the drawing shows.
 */
export type IllustrationName = 'empty' | 'search' | 'messages' | 'needs'

export function Illustration({ name }: { name: IllustrationName }) {
  return (
    <svg className="empty-state-illustration" viewBox="0 0 120 80" aria-hidden="true" focusable="false">
      <ellipse cx="60" cy="72" rx="44" ry="5" fill="#e8eefb" />
      {drawings[name]}
    </svg>
  )
}

const drawings: Record<IllustrationName, JSX.Element> = {
  empty: (
    <g fill="none" stroke="#1d3f8f" strokeWidth="2.5" strokeLinejoin="round">
      <path d="M28 40h64l-8 26H36Z" fill="#fff" />
      <path d="M28 40l10-18h44l10 18" />
      <path d="M48 50h24" stroke="#f5a300" strokeLinecap="round" />
    </g>
  ),
  search: (
    <g fill="none" stroke="#1d3f8f" strokeWidth="3" strokeLinecap="round">
      <circle cx="54" cy="36" r="18" fill="#fff" />
      <path d="M67 49l16 16" strokeWidth="6" />
      <path d="M46 36h16" stroke="#f5a300" />
    </g>
  ),
  messages: (
    <g fill="#fff" stroke="#1d3f8f" strokeWidth="2.5" strokeLinejoin="round">
      <path d="M22 16h50v28H42l-10 9v-9H22Z" />
      <path d="M56 34h42v26H90v8l-9-8H56Z" fill="#e8eefb" />
      <path d="M32 27h30M32 34h18" stroke="#f5a300" strokeLinecap="round" />
    </g>
  ),
  needs: (
    <g fill="#fff" stroke="#1d3f8f" strokeWidth="2.5" strokeLinejoin="round">
      <rect x="38" y="10" width="44" height="58" rx="4" />
      <rect x="50" y="6" width="20" height="9" rx="3" fill="#e8eefb" />
      <path d="M46 30h28M46 40h28M46 50h16" stroke="#f5a300" strokeLinecap="round" />
    </g>
  ),
}
