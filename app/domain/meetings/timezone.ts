/**
 * Meetings are entered and shown in Europe/Paris whatever the server's TZ: a French event is at
 * « 14 h » for everyone, summer or winter. The conversions go through Intl (the ICU time-zone
 * data shipped with Node), never through the process's local time.
 */
export const MEETING_TIME_ZONE = 'Europe/Paris'

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: MEETING_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

function parisParts(instant: Date) {
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((part) => [part.type, part.value]))
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) }
}

/** Minutes Paris is ahead of UTC at that instant (60 in winter, 120 in summer). */
export function parisOffsetMinutes(instant: Date): number {
  const p = parisParts(instant)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
}

/**
 * "2026-12-10T14:00" (a datetime-local field, read as Paris time) → the instant. Null when the
 * text is not such a date. A time skipped by the spring change (02:30 on the last Sunday of
 * March) lands an hour later, as a clock would show it; an ambiguous autumn time takes the first.
 */
export function parisLocalToInstant(local: string): Date | null {
  const match = LOCAL_PATTERN.exec(local)
  if (!match) return null
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number]
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute)
  const check = new Date(wallAsUtc)
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null
  // The offsets in force a day before and a day after cover every case around a change of time.
  const before = parisOffsetMinutes(new Date(wallAsUtc - 86_400_000))
  const after = parisOffsetMinutes(new Date(wallAsUtc + 86_400_000))
  const matching = [before, after].map((offset) => wallAsUtc - offset * 60_000).filter((instant) => instantToParisLocal(new Date(instant)) === local)
  if (matching.length > 0) return new Date(Math.min(...matching))
  // A skipped time: read with the offset before the change, as a clock moved forward shows it.
  return new Date(wallAsUtc - before * 60_000)
}

/** The instant as a datetime-local value in Paris time ("2026-12-10T14:00"), for edit forms. */
export function instantToParisLocal(instant: Date): string {
  const p = parisParts(instant)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`
}

/** « mardi 10 décembre 2026 à 14:00 » / "Tuesday 10 December 2026 at 14:00", always Paris time. */
export function formatParisDateTime(instant: Date, language: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: MEETING_TIME_ZONE,
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(instant)
}

/** « 14:00 » in Paris time. */
export function formatParisTime(instant: Date, language: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: MEETING_TIME_ZONE, timeStyle: 'short' }).format(instant)
}
