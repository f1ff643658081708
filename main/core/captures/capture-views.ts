import type { Capture, CaptureDetail } from '../../../shared/contract/captures'
import { toCurl } from '../../../shared/http/curl'
import { maskHeaderPairs } from '../../../shared/security/masking'
import { breakerEstimate } from '../receiver/invocation-watch'
import type { CaptureStore } from './capture-store'

/** Hop-by-hop and length headers: cURL sets its own. */
const CURL_SKIPS = new Set(['host', 'content-length', 'connection', 'transfer-encoding'])

/**
 * A capture as the Inbox shows it: credentials masked (DESIGN principle 4), the other attempts of
 * its invocation, and how close its webhook is to Zendesk's circuit breaker.
 */
export async function captureDetail(
  captures: CaptureStore,
  id: string,
  now: Date,
  explain: (capture: Capture) => Capture['signature'] = (capture) => capture.signature,
): Promise<CaptureDetail> {
  const stored = await captures.get(id)
  if (!stored) throw new Error(`No capture ${id}: it may have been deleted or expired.`)
  const capture = { ...stored, signature: explain(stored) }
  const { invocationId, webhookId } = capture.invocation
  const attempts = invocationId
    ? captures
        .list({ invocationId, limit: 100 })
        .items.map((item) => item.summary)
        .reverse()
    : []
  return {
    capture: masked(capture),
    invocationAttempts: attempts,
    breaker: webhookId ? breakerEstimate(webhookId, captures.all(), now) : null,
  }
}

export function masked(capture: Capture): Capture {
  return {
    ...capture,
    request: { ...capture.request, headers: maskHeaderPairs(capture.request.headers) },
  }
}

/** The captured request as a cURL command aimed at `baseUrl` (the receiver), masked. */
export function captureCurl(capture: Capture, baseUrl: string): string {
  return toCurl({
    method: capture.request.method,
    url: `${baseUrl.replace(/\/+$/, '')}${capture.request.url}`,
    headers: capture.request.headers.filter(([name]) => !CURL_SKIPS.has(name.toLowerCase())),
    body: capture.request.body,
  })
}
