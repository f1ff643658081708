import type { CaptureSummary, SignatureVerdict } from '../../../../shared/contract'

export type Tone = 'ok' | 'warning' | 'error' | 'info' | 'neutral'

/** `1.2 KB`, `3.4 MB`: bytes for a person, in powers of 1024. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`
}

/** Local wall-clock time with milliseconds, for list rows (`14:03:07.412`). */
export function formatClock(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`
}

/** Local date and time with the microseconds the receiver recorded (`2026-11-30 14:03:07.412345`). */
export function formatPreciseTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const micros = /\.(\d{3,6})Z$/.exec(iso)?.[1]?.padEnd(6, '0') ?? '000000'
  const pad = (n: number) => String(n).padStart(2, '0')
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${micros}`
}

/** "3 s ago", "5 min ago": how long ago, from `now`. */
export function formatAgo(iso: string, now: Date): string {
  const seconds = Math.round((now.getTime() - new Date(iso).getTime()) / 1000)
  if (seconds < 0) return `in ${formatDuration(-seconds)}`
  return `${formatDuration(seconds)} ago`
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`
  if (seconds < 86_400) return `${Math.round(seconds / 360) / 10} h`
  return `${Math.round(seconds / 8640) / 10} days`
}

export const VERDICT_TONE: Record<SignatureVerdict, Tone> = {
  valid: 'ok',
  'valid (test secret)': 'info',
  invalid: 'error',
  missing: 'warning',
  'no secret configured': 'neutral',
}

/** What a verdict means, for the badge's tooltip. */
export const VERDICT_HINT: Record<SignatureVerdict, string> = {
  valid: "Signed with the profile's signing secret (or the one in the environment variable).",
  'valid (test secret)':
    "Signed with Zendesk's static test secret: it came from the webhook's Test button.",
  invalid: 'The signature does not match the body and timestamp: see the likely cause.',
  missing: 'No X-Zendesk-Webhook-Signature header: Zendesk did not sign it, or a proxy dropped it.',
  'no secret configured':
    'Signed, but there is no signing secret to check it with: add it on the Connections screen.',
}

export function parseBadge(summary: Pick<CaptureSummary, 'parseKind' | 'parseOk'>): {
  label: string
  tone: Tone
} {
  const kind = summary.parseKind === 'empty' ? 'empty' : summary.parseKind.toUpperCase()
  if (!summary.parseOk) return { label: `${kind} error`, tone: 'error' }
  return { label: kind, tone: summary.parseKind === 'binary' ? 'warning' : 'neutral' }
}

/** The answer the receiver gave: a status, or `closed` when it hung up (route setting). */
export function statusBadge(status: number | null): { label: string; tone: Tone } {
  if (status === null) return { label: 'closed', tone: 'error' }
  if (status < 300) return { label: String(status), tone: 'ok' }
  if (status < 500) return { label: String(status), tone: 'warning' }
  return { label: String(status), tone: 'error' }
}

export const FLAG_HINT: Record<CaptureSummary['flags'][number], string> = {
  duplicate: 'This attempt (or an invocation already answered 2xx) arrived again.',
  'out-of-order': 'It arrived after a later attempt or invocation of the same webhook.',
  oversize: 'Over the body limit: answered 413, only the first 64 KB kept.',
  'timed-out': 'The client was too slow sending the body and the receiver gave up on it.',
}
