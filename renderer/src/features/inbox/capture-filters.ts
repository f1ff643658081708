import type { CaptureQuery, CaptureSummary, SignatureVerdict } from '../../../../shared/contract'

export const TIME_WINDOWS = {
  all: { label: 'Any time', ms: null },
  '15m': { label: 'Last 15 min', ms: 15 * 60_000 },
  '1h': { label: 'Last hour', ms: 3_600_000 },
  '24h': { label: 'Last 24 h', ms: 86_400_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 86_400_000 },
} as const
export type TimeWindow = keyof typeof TIME_WINDOWS

/** What the Inbox's filter bar holds; empty strings mean "any". */
export interface CaptureFilters {
  route: string
  method: string
  verdict: SignatureVerdict | ''
  parse: 'ok' | 'error' | ''
  invocationId: string
  window: TimeWindow
  search: string
}

export const NO_FILTERS: CaptureFilters = {
  route: '',
  method: '',
  verdict: '',
  parse: '',
  invocationId: '',
  window: 'all',
  search: '',
}

export function hasFilters(filters: CaptureFilters): boolean {
  return (Object.keys(NO_FILTERS) as Array<keyof CaptureFilters>).some(
    (key) => filters[key] !== NO_FILTERS[key],
  )
}

/** The `captures.list` query for the filters, as of `now` (time windows end now). */
export function toQuery(
  filters: CaptureFilters,
  now: Date,
): Omit<CaptureQuery, 'limit' | 'before'> {
  const query: CaptureQuery = {}
  if (filters.route) query.route = filters.route
  if (filters.method) query.method = filters.method
  if (filters.verdict) query.verdict = filters.verdict
  if (filters.parse) query.parseOk = filters.parse === 'ok'
  if (filters.invocationId.trim()) query.invocationId = filters.invocationId.trim()
  const windowMs = TIME_WINDOWS[filters.window].ms
  if (windowMs !== null) query.since = new Date(now.getTime() - windowMs).toISOString()
  if (filters.search.trim()) query.search = filters.search.trim()
  return query
}

/**
 * Whether a capture that just arrived belongs in the filtered list, decided in the page so live
 * captures need no round trip. Search also looks at the body's start, which a summary does not
 * carry: `unknown` when only the body could match, so the caller can offer to refresh.
 */
export function matchesFilters(
  summary: CaptureSummary,
  filters: CaptureFilters,
  now: Date,
): boolean | 'unknown' {
  const windowMs = TIME_WINDOWS[filters.window].ms
  const fixed =
    (!filters.route || summary.route === filters.route) &&
    (!filters.method || summary.method === filters.method.toUpperCase()) &&
    (!filters.verdict || summary.verdict === filters.verdict) &&
    (!filters.parse || summary.parseOk === (filters.parse === 'ok')) &&
    (!filters.invocationId.trim() || summary.invocationId === filters.invocationId.trim()) &&
    (windowMs === null || new Date(summary.receivedAt).getTime() >= now.getTime() - windowMs)
  if (!fixed) return false
  const words = filters.search.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const text = `${summary.route} ${summary.path}`.toLowerCase()
  return words.every((word) => text.includes(word)) ? true : 'unknown'
}
