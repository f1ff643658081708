import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { SelfTestReport } from '../../../shared/contract/tunnel'
import { describeNetworkFailure } from '../net/network-failure'
import { buildProbe, createProbeSender, type SendProbe } from './probe-request'
import { compareProbe, summarizeChanges, type Arrival } from './tunnel-changes'

/**
 * The receiver's self-test hook: resolves with what arrived at `/hooks/_selftest/{nonce}`
 * (without capturing it), or rejects once `timeoutMs` has passed without it.
 */
export type AwaitArrival = (nonce: string, timeoutMs: number) => Promise<Arrival>

export interface SelfTestDeps {
  awaitArrival: AwaitArrival
  send?: SendProbe
  makeNonce?: () => string
  now?: () => Date
  /** A monotonic clock in ms, for the round trip. */
  monotonic?: () => number
  /**
   * How long the whole round trip may take. Zendesk gives up after 12 s, so a slower path
   * would fail real deliveries too (https://developer.zendesk.com/api-reference/webhooks/introduction/).
   */
  timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 10_000

/**
 * Sends a nonce through `publicUrl` to this machine's receiver and reports the round trip and
 * what the tunnel changed. Never throws: a failure is a report with `ok: false` and a reason.
 */
export async function runSelfTest(publicUrl: string, deps: SelfTestDeps): Promise<SelfTestReport> {
  const send = deps.send ?? createProbeSender()
  const nonce = (deps.makeNonce ?? (() => randomBytes(9).toString('hex')))()
  const now = deps.now ?? (() => new Date())
  const monotonic = deps.monotonic ?? (() => performance.now())
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const probe = buildProbe(publicUrl, nonce)
  const host = new URL(probe.url).host
  const at = now().toISOString()
  const fail = (failure: string, extra: Partial<SelfTestReport> = {}): SelfTestReport => ({
    ok: false,
    at,
    nonce,
    failure,
    summary: [failure],
    ...extra,
  })

  // Listen before sending, so a fast tunnel cannot deliver before anyone waits for it.
  const arrival = deps.awaitArrival(nonce, timeoutMs).then(
    (value) => ({ arrived: true as const, value }),
    (error: unknown) => ({ arrived: false as const, error }),
  )
  const started = monotonic()
  let answer
  try {
    answer = await send(probe, timeoutMs)
  } catch (error) {
    const reached = await Promise.race([arrival, Promise.resolve(undefined)])
    const network = describeNetworkFailure(error, host)
    return reached?.arrived
      ? fail(
          `The probe reached this machine, but the receiver's answer did not come back through ${host}: ${network.message}`,
        )
      : fail(`${publicUrl} did not reach this machine: ${network.message}`)
  }
  const roundTripMs = Math.round((monotonic() - started) * 10) / 10
  const outcome = await arrival
  if (!outcome.arrived) {
    return fail(
      `${publicUrl} answered HTTP ${answer.status}, but the probe never reached this machine's receiver. The URL points somewhere else, or the tunnel forwards to another port.`,
      { roundTripMs, status: answer.status },
    )
  }
  const changes = compareProbe(probe, outcome.value)
  const answered = answer.status >= 200 && answer.status < 300
  const summary = [
    `Round trip ${roundTripMs} ms through ${host}.`,
    ...(answered ? [] : [`The answer came back as HTTP ${answer.status}, not 2xx.`]),
    ...summarizeChanges(changes),
  ]
  return {
    ok: answered,
    at,
    nonce,
    roundTripMs,
    status: answer.status,
    changes,
    summary,
    ...(answered
      ? {}
      : {
          failure: `The probe reached the receiver, but ${host} answered HTTP ${answer.status}.`,
        }),
  }
}
