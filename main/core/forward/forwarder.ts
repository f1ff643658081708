import type { TrackObjectLimit } from '../../../shared/braze/track-limits'
import type { Capture } from '../../../shared/contract/captures'
import type { Exchange } from '../../../shared/contract/exchanges'
import type {
  CaptureForward,
  ForwardAuth,
  ForwardDetail,
  ForwardOutcome,
  ForwardRun,
  LintReport,
} from '../../../shared/contract/forward'
import type { RawHeaders } from '../../../shared/contract/raw-http'
import { maskUrl } from '../../../shared/security/masking'
import { jsonTemplateSourceMap, lintTrackBody } from '../braze/users-track/track-lint'
import type { ExchangeStore } from '../captures/exchange-store'
import { recordExchange } from '../net/exchange-recorder'
import type { HttpClient, HttpOutcome } from '../net/http-request'
import { rawBodyBytes, toRawBody } from '../net/raw-record'
import { retryingSend, type RetryPolicy, type Sleep } from '../net/retrying-send'
import { correlationOf } from './forward-correlation'
import { ForwardError } from './forward-error'
import { captureForwardOf, failed, forwardOutcome } from './forward-outcome'
import { forwardHeaders, forwardUrl } from './forward-request'
import { CAPTURE_FIRST_LIMITS, captureFirstPolicy } from './forward-retry'
import type { PayloadTransform } from './payload-transform'
import { PROXY_TIMEOUT_MS } from './proxy-answer'
import { readBack } from './read-back'

/** A template the lint and Braze's refusals point into. */
export interface TemplateRef {
  kind: 'trigger' | 'saved' | 'transform'
  name: string
  text: string
}

/** Everything one forward needs, resolved from the route, the profile and the request. */
export interface ForwardJob {
  capture: Capture
  run: ForwardRun
  /** The profile the target (and, with auth `profile`, the key) belongs to. */
  profileId: string | null
  /** The Braze REST endpoint (or other base URL) the capture's path is appended to. */
  baseUrl: string
  auth: ForwardAuth
  /** The profile's REST key (for auth `profile` and the read-back). */
  apiKey: string | undefined
  transform: string | null
  /** The trigger body template, when known. */
  trigger: TemplateRef | null
  objects: TrackObjectLimit
  strict: boolean
  /** Read the profiles back after this wait (ms); null: no read-back. */
  readBackDelayMs: number | null
  /** Why this forward cannot be sent at all (no endpoint): recorded as such, nothing sent. */
  notSent?: string
  signal?: AbortSignal
}

export interface ForwarderDeps {
  http: HttpClient
  exchanges: ExchangeStore
  transform: PayloadTransform
  now: () => Date
  sleep: Sleep
  /** Decrypts a capture's sealed credential; undefined while secret storage is locked. */
  decrypt: () => ((cipherText: string) => string) | undefined
}

export interface Forwarded {
  exchange: Exchange
  detail: ForwardDetail
  forward: CaptureForward
  /** The last attempt's outcome, for a proxy to pass on; null when nothing was sent. */
  answer: HttpOutcome | null
  /** Why nothing was sent, when nothing was. */
  notSent: string | null
  /** From the first attempt leaving to the last answer, in ms. */
  elapsedMs: number
}

/**
 * Forwards one capture on the one outbound path and records it as an exchange of kind
 * `forward` (every attempt, with its timing phases), correlated to the capture: the body byte
 * for byte (or the route's transform of it), the capture's header lines in order and case
 * without hop-by-hop ones, and the Authorization passed through or taken from the profile.
 * The `/users/track` lint runs first; in strict mode a problem stops the forward. A forward that
 * could not be sent (a credential not kept, a failed transform) is recorded too, with no attempt.
 */
export async function forwardCapture(deps: ForwarderDeps, job: ForwardJob): Promise<Forwarded> {
  const { capture } = job
  const startedAt = deps.now()
  const url = forwardUrl(job.baseUrl, capture.request.url, capture.route)
  const record: Exchange = {
    id: deps.exchanges.newId(startedAt),
    kind: 'forward',
    startedAt: startedAt.toISOString(),
    state: 'pending',
    profileId: job.profileId ?? 'none',
    idempotencyKey: null,
    authorization: job.auth,
    attempts: [],
    correlation: correlationOf(capture),
  }
  const detail: ForwardDetail = {
    captureId: capture.id,
    route: capture.route,
    run: job.run,
    target: { profileId: job.profileId, base: maskUrl(job.baseUrl), url: maskUrl(url) },
    transform: null,
    lint: { problems: [], blocked: false, template: null },
    outcome: null,
    readBack: null,
  }
  record.forward = detail

  const finish = async (
    outcome: ForwardOutcome,
    answer: HttpOutcome | null,
    notSent: string | null,
    elapsedMs = 0,
  ): Promise<Forwarded> => {
    detail.outcome = outcome
    record.state = 'done'
    await deps.exchanges.save(record)
    const forward = captureForwardOf(job.run, record.id, outcome, null, deps.now())
    return { exchange: record, detail, forward, answer, notSent, elapsedMs }
  }
  const notSent = (message: string) => finish(failed(null, message), null, message)

  let body: Buffer
  let headers: RawHeaders
  try {
    if (job.notSent) throw new ForwardError(job.notSent, 'no-endpoint')
    body = bodyToSend(deps, job, detail)
    headers = forwardHeaders(
      capture,
      job.auth === 'profile' ? { from: 'profile', value: bearer(job.apiKey) } : { from: 'capture' },
      deps.decrypt(),
    )
  } catch (error) {
    if (error instanceof ForwardError) return notSent(error.message)
    throw error
  }
  if (detail.transform && !headers.some(([name]) => name.toLowerCase() === 'content-type'))
    headers.push(['Content-Type', 'application/json'])

  const text = body.toString('utf8')
  const template: TemplateRef | null = job.transform
    ? { kind: 'transform', name: 'the route transform', text: job.transform }
    : job.trigger
  detail.lint = lint(text, url, job, template)
  if (detail.lint.blocked) {
    const count = detail.lint.problems.length
    const outcome: ForwardOutcome = {
      state: 'blocked',
      status: null,
      message: `Strict lint: ${count} problem${count === 1 ? '' : 's'} in the body, so it was not sent (${detail.lint.problems[0]?.message ?? ''}).`,
      refused: [],
      warnings: [],
    }
    return finish(outcome, null, outcome.message)
  }

  const recorder = recordExchange(record, (saved) => deps.exchanges.save(saved))
  const proxy = job.run === 'proxy'
  const sent = await retryingSend({
    client: deps.http,
    request: () => ({
      method: capture.request.method,
      url,
      headers,
      body,
      timeoutMs: proxy ? PROXY_TIMEOUT_MS : CAPTURE_FIRST_LIMITS.timeoutMs,
      noUserAgent: true,
    }),
    // Zendesk retries a proxied request itself, as it would in production.
    policy: proxy ? NEVER_AGAIN : captureFirstPolicy(deps.now),
    maxAttempts: proxy ? 1 : CAPTURE_FIRST_LIMITS.maxAttempts,
    maxWaitSeconds: CAPTURE_FIRST_LIMITS.maxWaitSeconds,
    now: deps.now,
    sleep: deps.sleep,
    signal: job.signal,
    recorder,
  })
  const elapsedMs = sent.attempts.reduce((sum, attempt) => sum + (attempt.timings?.total ?? 0), 0)
  const outcome = forwardOutcome(sent, text, template?.text ?? null)
  if (outcome.state === 'forwarded' && job.readBackDelayMs !== null) {
    detail.readBack = await readBack(
      { http: deps.http, sleep: deps.sleep, now: deps.now, signal: job.signal },
      {
        endpoint: job.baseUrl,
        apiKey: job.apiKey ?? bearerKey(headers),
        body: text,
        sentAt: startedAt,
        delayMs: job.readBackDelayMs,
      },
    )
  }
  return finish(outcome, sent.outcome, null, elapsedMs)
}

const NEVER_AGAIN: RetryPolicy = () => null

/** The bytes to send: the capture's own, or what the route's transform made of them. */
function bodyToSend(deps: ForwarderDeps, job: ForwardJob, detail: ForwardDetail): Buffer {
  const captured = job.capture.request.body
  if (captured.truncated) {
    throw new ForwardError(
      `Only the first ${captured.data.length} bytes of this ${captured.size}-byte body were kept (it was over the receiver's limit), so it cannot be forwarded whole.`,
      'body-truncated',
    )
  }
  const bytes = rawBodyBytes(captured)
  if (!job.transform) return bytes
  const result = deps.transform.render(job.transform, bytes.toString('utf8'))
  if (result.body === null) {
    const at = result.error?.line ? ` (template line ${result.error.line})` : ''
    throw new ForwardError(`${result.error?.message ?? 'The transform failed'}${at}`, 'transform')
  }
  detail.transform = { template: job.transform, body: toRawBody(result.body) }
  return Buffer.from(result.body, 'utf8')
}

function lint(
  text: string,
  url: string,
  job: ForwardJob,
  template: TemplateRef | null,
): LintReport {
  // Only /users/track bodies have a schema to check; other paths go on as they are.
  if (!new URL(url).pathname.endsWith('/users/track')) {
    return { problems: [], blocked: false, template: null }
  }
  const { problems, blocked } = lintTrackBody(text, {
    objects: job.objects,
    strict: job.strict,
    sourceMap: template ? jsonTemplateSourceMap(template.text) : null,
  })
  return {
    problems,
    blocked,
    template: template ? { kind: template.kind, name: template.name } : null,
  }
}

function bearer(apiKey: string | undefined): string {
  if (!apiKey) {
    throw new ForwardError(
      "The target profile has no Braze REST key: set one under Connections, or pass the capture's own Authorization on (auth: capture).",
      'no-key',
    )
  }
  return `Bearer ${apiKey}`
}

/** The key a forward sent, for a read-back when the profile has none. */
function bearerKey(headers: RawHeaders): string | undefined {
  const value = headers.find(([name]) => name.toLowerCase() === 'authorization')?.[1]
  return value?.startsWith('Bearer ') ? value.slice('Bearer '.length).trim() : undefined
}
