import {
  receiverRoute,
  type Capture,
  type CaptureTransport,
  type GivenAnswer,
  type InvocationRef,
  type ReceiverRoute,
} from '../../../shared/contract/captures'
import type { CaptureForward } from '../../../shared/contract/forward'
import type { RawHeaders } from '../../../shared/contract/raw-http'
import { headerValue, preciseIso, toRawBody } from '../net/raw-record'
import type { AnswerPlan, ArrivedRequest } from './receiver-server'
import type { InvocationWatch } from './invocation-watch'
import { rawBodyParseStatus } from './parse-status'
import { sealCredentialHeaders } from './sealed-headers'
import { checkSignature, type SigningSecrets } from './signature-check'
import { zendeskNextStep } from '../../../shared/zendesk/next-step'

/** What decides how a capture is read and answered, read fresh for every request. */
export interface PipelineSettings {
  routes: ReceiverRoute[]
  /** Warn on signature timestamps further off than this (null: no window, as Zendesk has none). */
  toleranceSeconds: number | null
}

export interface CapturePipelineDeps {
  settings: () => PipelineSettings
  /** The signing secrets for a route (its profile's, and the environment variable's). */
  secretsFor: (route: ReceiverRoute) => SigningSecrets
  /** Which tunnel carried a request, from its Host; `direct` when none did. */
  transportFor: (headers: RawHeaders) => CaptureTransport
  newId: (at: Date) => string
  watch: InvocationWatch
  /** Stores the capture durably; the answer waits for it. */
  store: (capture: Capture) => Promise<void>
  /** Told after each capture is stored (the live inbox). */
  captured?: (capture: Capture) => void
  /** Encrypts a credential header's value with the secret store; undefined while it is locked. */
  encrypt?: () => ((plain: string) => string) | undefined
  /**
   * A route in transparent-proxy mode: forwards the stored capture and gives back Braze's answer
   * for Zendesk (and the forward's outcome for the capture).
   */
  proxy?: (capture: Capture, route: ReceiverRoute) => Promise<ProxyReply>
  /** Told when a stored capture changed (a proxy's answer and forward were added). */
  updated?: (capture: Capture) => void
}

/** What a transparent proxy answers Zendesk, and what the capture records of it. */
export interface ProxyReply {
  answer: GivenAnswer
  /** Braze's answer headers to pass on (hop-by-hop ones and lengths left out). */
  headers: Record<string, string>
  body: Buffer | string
  forward: CaptureForward
}

/**
 * Turns each arrived request into a capture — parsed, signature-checked, placed in its
 * invocation — stores it durably, and returns the answer its route asks for. A route that is
 * not configured still captures, with a 200.
 */
export function createCapturePipeline(deps: CapturePipelineDeps) {
  return async (arrived: ArrivedRequest): Promise<AnswerPlan> => {
    const settings = deps.settings()
    const routeName = routeOf(arrived.target)
    const route: ReceiverRoute =
      settings.routes.find((r) => r.name === routeName) ?? unconfiguredRoute(routeName)
    const receivedAt = new Date(Math.floor(arrived.arrivedAtMs))
    const contentType = headerValue(arrived.headers, 'content-type') ?? null
    const signature = checkSignature({
      headers: arrived.headers,
      body: arrived.body,
      secrets: deps.secretsFor(route),
      receivedAt,
      toleranceSeconds: settings.toleranceSeconds,
      explain: false,
    })
    const transport = deps.transportFor(arrived.headers)
    const decided = decideAnswer(route, arrived, signature.verdict)
    const mode = decided.fromRoute ? route.forward.mode : 'off'
    const proxy = mode === 'proxy' ? deps.proxy : undefined
    const answer = proxy ? PROXY_PENDING : decided.answer
    const invocation = invocationOf(arrived.headers)
    const flags: Capture['flags'] = deps.watch.observe(invocation, answer.status)
    if (invocation.invocationId && invocation.attempt === null) {
      invocation.attempt = deps.watch.arrivals(invocation)
    }
    if (arrived.oversize) flags.push('oversize')
    if (arrived.cutOff) flags.push('timed-out')
    const sealed = sealCredentialHeaders(arrived.headers, deps.encrypt?.())
    const at = preciseIso(receivedAt, (arrived.arrivedAtMs % 1) * 1000)
    // Decoded once: the stored text is also what the parse status reads.
    const body = toRawBody(arrived.body)
    const capture: Capture = {
      id: deps.newId(receivedAt),
      route: routeName,
      receivedAt: at,
      request: {
        method: arrived.method,
        url: arrived.target,
        headers: sealed.headers,
        body: { ...body, size: arrived.size, truncated: arrived.body.length < arrived.size },
        at,
      },
      transport,
      clientAddress: clientAddress(arrived, transport),
      contentType,
      parse: arrived.oversize
        ? {
            kind: 'binary',
            ok: false,
            error: {
              message: `The body is ${arrived.size} bytes, over the receiver's limit: only its first 64 KB are kept.`,
              at: null,
            },
          }
        : rawBodyParseStatus(contentType, body),
      signature,
      invocation,
      answer,
      next: zendeskNextStep(answer, invocation.attempt),
      flags,
      sealedHeaders: sealed.sealedHeaders,
      ...(mode === 'off' ? {} : { forward: pendingForward(mode) }),
    }
    await deps.store(capture)
    deps.captured?.(capture)
    if (!proxy) return planFor(answer, capture.id)
    const reply = await proxy(capture, route)
    const answered: Capture = {
      ...capture,
      answer: reply.answer,
      next: zendeskNextStep(reply.answer, invocation.attempt),
      forward: reply.forward,
    }
    deps.watch.answered(invocation, reply.answer.status)
    await deps.store(answered)
    deps.updated?.(answered)
    return {
      status: reply.answer.status,
      headers: reply.headers,
      body: reply.body,
      delayMs: 0,
      close: reply.answer.closed,
    }
  }
}

/** What a proxied capture records until Braze has answered (and keeps if the app stops first). */
const PROXY_PENDING: GivenAnswer = {
  status: null,
  retryAfterSeconds: null,
  delayMs: 0,
  closed: false,
  reason:
    "Transparent proxy: the answer is Braze's, once the forward is done (none was recorded if Bridgebench stopped first).",
}

function pendingForward(mode: 'proxy' | 'capture-first'): CaptureForward {
  return {
    state: 'pending',
    run: mode,
    exchangeId: null,
    status: null,
    message: 'pending',
    warning: null,
    at: null,
  }
}

let unconfiguredDefaults: ReceiverRoute | undefined

/** Requests to a route nobody configured are captured and answered 200, never forwarded. */
function unconfiguredRoute(name: string): ReceiverRoute {
  // Parsed once: the schema's defaults do not change, and this runs for every such request.
  unconfiguredDefaults ??= receiverRoute.parse({ name: 'none' })
  return { ...unconfiguredDefaults, name }
}

/** The route name: the first path segment after `/hooks/`. */
function routeOf(target: string): string {
  const path = target.split('?')[0] ?? ''
  const segment = path.slice('/hooks/'.length).split('/')[0] ?? ''
  try {
    return decodeURIComponent(segment).slice(0, 64) || '(none)'
  } catch {
    return segment.slice(0, 64)
  }
}

function decideAnswer(
  route: ReceiverRoute,
  arrived: ArrivedRequest,
  verdict: Capture['signature']['verdict'],
): { answer: GivenAnswer; fromRoute: boolean } {
  const refuse = (answer: GivenAnswer) => ({ answer, fromRoute: false })
  if (arrived.oversize) {
    return refuse({
      status: 413,
      retryAfterSeconds: null,
      delayMs: 0,
      closed: false,
      reason: "The body is over the receiver's size limit.",
    })
  }
  if (arrived.cutOff) {
    return refuse({
      status: null,
      retryAfterSeconds: null,
      delayMs: 0,
      closed: true,
      reason: 'The client stopped sending before the body was complete.',
    })
  }
  if (route.strictSignature && verdict !== 'valid' && verdict !== 'valid (test secret)') {
    return refuse({
      status: 401,
      retryAfterSeconds: null,
      delayMs: 0,
      closed: false,
      reason: `Strict signature mode: the signature is ${verdict}.`,
    })
  }
  const { status, retryAfterSeconds, delayMs, close } = route.answer
  const carriesRetryAfter = status === 409 || status === 429 || status === 503
  const answer: GivenAnswer = {
    status: close ? null : status,
    retryAfterSeconds: carriesRetryAfter ? retryAfterSeconds : null,
    delayMs,
    closed: close,
    reason: `The route "${route.name}" answers ${close ? 'by closing the connection' : status}${delayMs > 0 ? ` after ${delayMs / 1000} s` : ''}.`,
  }
  return { answer, fromRoute: true }
}

function planFor(answer: GivenAnswer, captureId: string): AnswerPlan {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (answer.retryAfterSeconds !== null) headers['retry-after'] = String(answer.retryAfterSeconds)
  const status = answer.status
  const body =
    status !== null && status >= 200 && status < 300
      ? { received: true, capture: captureId }
      : { error: answer.reason, capture: captureId }
  return {
    status,
    headers,
    body: JSON.stringify(body),
    delayMs: answer.delayMs,
    close: answer.closed,
  }
}

function invocationOf(headers: RawHeaders): InvocationRef {
  const attempt = Number(headerValue(headers, 'x-zendesk-webhook-attempt'))
  return {
    webhookId: headerValue(headers, 'x-zendesk-webhook-id') ?? null,
    invocationId: headerValue(headers, 'x-zendesk-webhook-invocation-id') ?? null,
    attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : null,
    accountId: headerValue(headers, 'x-zendesk-account-id') ?? null,
  }
}

/** Behind a tunnel the socket's peer is the tunnel agent; the client is in its forwarding headers. */
function clientAddress(arrived: ArrivedRequest, transport: CaptureTransport): string {
  if (transport === 'direct') return arrived.remoteAddress
  const forwarded =
    headerValue(arrived.headers, 'cf-connecting-ip') ??
    headerValue(arrived.headers, 'x-forwarded-for')?.split(',')[0]?.trim()
  return forwarded || arrived.remoteAddress
}
