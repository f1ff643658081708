/** Time zones for the `time_zone` and `date` filters: UTC, fixed offsets and IANA names. */

export type Zone =
  | { kind: 'utc' }
  /** `label` is what `%Z` shows; Ruby shows nothing for an offset read from a string. */
  | { kind: 'fixed'; minutes: number; label?: string }
  | { kind: 'iana'; name: string }

export const UTC: Zone = { kind: 'utc' }

const formatters = new Map<string, Intl.DateTimeFormat | null>()

function formatterFor(name: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(name)
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        timeZoneName: 'short',
      })
    } catch {
      formatter = null
    }
    formatters.set(name, formatter)
  }
  return formatter
}

/**
 * `time_zone: 'America/Chicago'`, `time_zone: -0005`, `time_zone: ${time_zone}` (braze.md §2.2).
 * Numbers up to 14 are hours, larger ones ±HHMM. Unset means UTC; undefined means unknown.
 */
export function parseZone(input: unknown): Zone | undefined {
  if (input === null || input === undefined || input === '') return UTC
  if (typeof input === 'number' && Number.isFinite(input)) {
    const minutes =
      Math.abs(input) <= 14 ? input * 60 : Math.trunc(input / 100) * 60 + (input % 100)
    return { kind: 'fixed', minutes }
  }
  const text = (typeof input === 'string' ? input : JSON.stringify(input)).trim()
  if (/^(utc|gmt|z|etc\/utc|etc\/gmt)$/i.test(text)) return UTC
  const offset = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text)
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0)
    return { kind: 'fixed', minutes: offset[1] === '-' ? -minutes : minutes }
  }
  return formatterFor(text) ? { kind: 'iana', name: text } : undefined
}

export interface ZoneInstant {
  offsetMinutes: number
  abbreviation: string
}

/** The zone's offset from UTC and its short name at one instant. */
export function zoneAt(zone: Zone, epochMs: number): ZoneInstant {
  if (zone.kind === 'utc') return { offsetMinutes: 0, abbreviation: 'UTC' }
  if (zone.kind === 'fixed')
    return {
      offsetMinutes: zone.minutes,
      abbreviation: zone.label ?? formatOffset(zone.minutes, true),
    }
  const formatter = formatterFor(zone.name)
  if (!formatter) return { offsetMinutes: 0, abbreviation: 'UTC' }
  const parts: Record<string, string> = {}
  for (const part of formatter.formatToParts(new Date(epochMs))) parts[part.type] = part.value
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  )
  const whole = epochMs - (((epochMs % 1000) + 1000) % 1000)
  return {
    offsetMinutes: Math.round((local - whole) / 60_000),
    abbreviation: parts.timeZoneName ?? zone.name,
  }
}

/** `+0530`, or `+05:30` with a colon. */
export function formatOffset(minutes: number, colon = false): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  const hh = String(Math.floor(abs / 60)).padStart(2, '0')
  const mm = String(abs % 60).padStart(2, '0')
  return `${sign}${hh}${colon ? ':' : ''}${mm}`
}
