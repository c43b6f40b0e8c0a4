/**
 * A generated avatar for a person (round) or an organisation (square) without a logo: their initials on a colour
 * derived from their id, so the same one always looks the same. Decorative: the name is always
 * written next to it.
 */
export function Avatar({ id, name, size = 'md', organisation = false }: { id: string; name: string; size?: 'sm' | 'md' | 'lg'; organisation?: boolean }) {
  return (
    <span className={`avatar avatar-${size} avatar-hue-${avatarHue(id)}${organisation ? ' avatar-organisation' : ''}`} aria-hidden="true">
      {initialsOf(name)}
    </span>
  )
}

/** « Claire Martin » → « CM »; « Laboratoire d’Innovation » → « LI »; one word → its first two letters. */
export function initialsOf(name: string): string {
  const words = name
    .replace(/[’'’-]/g, ' ')
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word) && !smallWords.has(word.toLowerCase()))
  if (words.length === 0) return '?'
  if (words.length === 1) return words[0]!.slice(0, 2).toLocaleUpperCase('fr')
  return (words[0]![0]! + words.at(-1)![0]!).toLocaleUpperCase('fr')
}

const smallWords = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'en', 'of', 'the', 'and'])

/** Number of avatar colours in app.css (`.avatar-hue-0` … ), each dark enough for white initials (4.5:1). */
export const AVATAR_HUES = 10

/**
 * One of the palette's colours, from the id. A class, not an inline style: the Content Security
 * Policy allows no style attributes (style-src 'self').
 */
export function avatarHue(id: string): number {
  let hash = 0
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return hash % AVATAR_HUES
}
