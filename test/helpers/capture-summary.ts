import type { CaptureSummary } from '../../shared/contract'

/** A signed JSON POST to `/hooks/braze` as the index lists it; override what a test is about. */
export function captureSummary(extra: Partial<CaptureSummary> = {}): CaptureSummary {
  return {
    id: '01JDZ0000000000000000000AA',
    route: 'braze',
    receivedAt: '2026-11-30T11:50:00.000000Z',
    method: 'POST',
    path: '/hooks/braze',
    size: 42,
    contentType: 'application/json',
    parseKind: 'json',
    parseOk: true,
    verdict: 'valid',
    webhookId: null,
    invocationId: null,
    attempt: null,
    status: 200,
    flags: [],
    transport: 'direct',
    forward: null,
    ...extra,
  }
}
