import type { ExchangeKind, ExchangeSummaryView } from '../../../../shared/contract'

export const KIND_LABEL: Record<ExchangeKind, string> = {
  'zendesk-ticket-create': 'Ticket create',
  'zendesk-ticket-delete': 'Ticket delete',
  'braze-users-track': 'Braze /users/track',
  forward: 'Forward to Braze',
  replay: 'Replay',
}

export type Tone = 'ok' | 'warning' | 'error' | 'info'

/** A forward's outcome decides (a 2xx with `errors` failed); else the last status. */
export function summaryTone(item: Pick<ExchangeSummaryView, 'state' | 'status' | 'outcome'>): Tone {
  if (item.state === 'pending') return 'info'
  if (item.outcome === 'failed') return 'error'
  if (item.outcome === 'blocked') return 'warning'
  return statusTone(item.status)
}

export function statusTone(status: number | null): Tone {
  if (status === null) return 'error'
  if (status < 300) return 'ok'
  if (status === 429 || status >= 500) return 'warning'
  return 'error'
}

export function summaryStatus(item: Pick<ExchangeSummaryView, 'state' | 'status'>): string {
  if (item.state === 'pending') return 'pending'
  return item.status === null ? 'no answer' : String(item.status)
}
