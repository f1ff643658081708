import type { TrackObjectLimit } from '../../../shared/braze/track-limits'
import { receiverRoute, type Capture, type ReceiverRoute } from '../../../shared/contract/captures'
import type {
  ForwardRequest,
  ForwardResult,
  ForwardRun,
  ReadBackResult,
} from '../../../shared/contract/forward'
import type { ZendeskTriggerView } from '../../../shared/contract/simulators'
import type { CaptureStore } from '../captures/capture-store'
import type { ExchangeStore } from '../captures/exchange-store'
import type { HttpClient } from '../net/http-request'
import type { Sleep } from '../net/retrying-send'
import type { ProxyReply } from '../receiver/capture-pipeline'
import { ForwardError } from './forward-error'
import { failed } from './forward-outcome'
import { ForwardQueue } from './forward-queue'
import { forwardCapture, type ForwardJob, type Forwarded, type TemplateRef } from './forwarder'
import { PayloadTransform } from './payload-transform'
import { productionLossWarning, proxyAnswer } from './proxy-answer'
import { readBack } from './read-back'
import { triggerTemplateFor } from './trigger-template'

/** A profile's Braze side, as a forward needs it. */
export interface ForwardTarget {
  profileId: string
  endpoint: string
  /** The profile's REST key; undefined when none is set or secrets are locked. */
  apiKey: string | undefined
  objects: TrackObjectLimit
}

export interface ForwardServiceDeps {
  http: HttpClient
  exchanges: ExchangeStore
  captures: CaptureStore
  /** The receiver's routes now. */
  routes: () => readonly ReceiverRoute[]
  /** A profile's Braze endpoint, key and object limit (null: the active profile). */
  target: (profileId: string | null) => Promise<ForwardTarget>
  /** The Sandbox's Zendesk triggers, so problems point at the trigger body's lines. */
  triggers: () => readonly ZendeskTriggerView[]
  /** A saved template (a route's `triggerTemplateId`): the trigger body it holds. */
  savedTemplate: (id: string) => { name: string; body: string } | undefined
  decrypt: () => ((cipherText: string) => string) | undefined
  /** Told when a capture's forward state changed (the Inbox shows it). */
  updated: (capture: Capture) => void
  now: () => Date
  sleep: Sleep
  log: (line: string) => void
  /** Capture-first forwards running at once (default 4). */
  concurrency?: number
}

/**
 * Auto-forward and manual forwards of captures: the receiver's proxy hook (forward now, answer
 * Zendesk with Braze's answer), the capture-first queue (answered at once, forwarded in the
 * background with retries), a forward by hand, and a later read-back. Each forward is an
 * exchange of kind `forward` correlated to its capture, and the capture keeps its latest state.
 */
export class ForwardService {
  private readonly queue: ForwardQueue
  private readonly transform = new PayloadTransform()

  constructor(private readonly deps: ForwardServiceDeps) {
    this.queue = new ForwardQueue(deps.concurrency ?? 4, (error) =>
      deps.log(`A forward failed: ${error instanceof Error ? error.message : String(error)}`),
    )
  }

  /** The receiver's proxy hook: forwards now and gives Zendesk Braze's own answer. */
  async proxy(capture: Capture, route: ReceiverRoute): Promise<ProxyReply> {
    const forwarded = await this.forward(capture, route, 'proxy', {})
    const { answer, headers, body } = proxyAnswer(
      forwarded.answer,
      forwarded.elapsedMs,
      forwarded.notSent,
      this.deps.now(),
    )
    const skipped = forwarded.detail.outcome?.refused.length ?? 0
    const warning = productionLossWarning(answer, capture.invocation, skipped)
    if (warning) forwarded.detail.outcome?.warnings.push(warning)
    if (warning) await this.deps.exchanges.save(forwarded.exchange)
    return { answer, headers, body, forward: { ...forwarded.forward, warning } }
  }

  /** Capture-first: queues the capture's forward when its route forwards that way. */
  enqueue(capture: Capture): void {
    if (capture.forward?.state !== 'pending' || capture.forward.run !== 'capture-first') return
    const route = this.routeOf(capture)
    this.queue.add(async (signal) => {
      const forwarded = await this.forward(capture, route, 'capture-first', { signal })
      // Stopped by shutdown: the capture stays pending and is forwarded at the next start.
      if (signal.aborted) return
      await this.store(capture, forwarded)
    })
  }

  /**
   * Queues again the capture-first forwards that were pending when Bridgebench last stopped
   * (Zendesk was answered 200, so nobody else will send them). Returns how many.
   */
  async resumePending(): Promise<number> {
    const pending = [...this.deps.captures.all()].filter(
      (summary) => summary.forward?.state === 'pending' && summary.forward.run === 'capture-first',
    )
    for (const summary of pending) {
      const capture = await this.deps.captures.get(summary.id)
      if (capture) this.enqueue(capture)
    }
    return pending.length
  }

  /** Forwards a capture now, by hand: to its route's target, or to another profile or URL. */
  async run(request: ForwardRequest): Promise<ForwardResult> {
    const capture = await this.deps.captures.get(request.captureId)
    if (!capture) {
      throw new ForwardError(
        `No capture ${request.captureId}: it may have been deleted (captures older than the retention are).`,
        'no-capture',
      )
    }
    const forwarded = await this.forward(capture, this.routeOf(capture), 'manual', request)
    await this.store(capture, forwarded)
    const detail = forwarded.detail
    return {
      exchangeId: forwarded.exchange.id,
      forward: forwarded.forward,
      lint: detail.lint,
      outcome: detail.outcome ?? failed(null, 'The forward did not finish.'),
      readBack: detail.readBack,
    }
  }

  /** Reads the profiles a forward wrote back now, and keeps the result with the forward. */
  async readBackAgain(exchangeId: string): Promise<ReadBackResult> {
    const exchange = await this.deps.exchanges.get(exchangeId)
    const detail = exchange?.forward
    if (!exchange || !detail) throw new Error(`No forward ${exchangeId}: it may have been deleted.`)
    const body = detail.transform?.body ?? exchange.attempts[0]?.request.body
    if (!body)
      throw new Error(`The forward ${exchangeId} sent nothing, so there is nothing to read back.`)
    const target = await this.deps.target(detail.target.profileId)
    const result = await readBack(
      { http: this.deps.http, sleep: this.deps.sleep, now: this.deps.now },
      {
        endpoint: target.endpoint,
        apiKey: target.apiKey,
        body: Buffer.from(body.data, body.encoding === 'base64' ? 'base64' : 'utf8').toString(
          'utf8',
        ),
        sentAt: new Date(exchange.startedAt),
        delayMs: 0,
      },
    )
    detail.readBack = result
    await this.deps.exchanges.save(exchange)
    return result
  }

  /** Resolves when no capture-first forward is queued or running. */
  idle(): Promise<void> {
    return this.queue.idle()
  }

  close(): Promise<void> {
    return this.queue.close()
  }

  private async forward(
    capture: Capture,
    route: ReceiverRoute,
    run: ForwardRun,
    overrides: Partial<ForwardRequest> & { signal?: AbortSignal },
  ): Promise<Forwarded> {
    const settings = route.forward
    const profileId = overrides.profileId ?? settings.profileId ?? route.profileId
    let target: ForwardTarget | null = null
    let problem: string | null = null
    try {
      target = await this.deps.target(profileId)
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error)
    }
    const baseUrl = overrides.url ?? settings.url ?? target?.endpoint ?? ''
    const readBack = overrides.readBack ?? settings.readBack
    const job: ForwardJob = {
      capture,
      run,
      profileId: target?.profileId ?? profileId,
      baseUrl,
      auth: overrides.auth ?? settings.auth,
      apiKey: target?.apiKey,
      transform: settings.transform,
      trigger: this.triggerOf(capture, settings.triggerTemplateId),
      objects: target?.objects ?? { max: 75, per: 'request' },
      strict: settings.strictLint,
      readBackDelayMs: readBack ? (run === 'manual' ? 0 : settings.readBackDelayMs) : null,
      ...(overrides.signal ? { signal: overrides.signal } : {}),
    }
    const forwardDeps = {
      http: this.deps.http,
      exchanges: this.deps.exchanges,
      transform: this.transform,
      now: this.deps.now,
      sleep: this.deps.sleep,
      decrypt: this.deps.decrypt,
    }
    if (!baseUrl) {
      const why = `No Braze endpoint to forward to${problem ? `: ${problem}` : ''}. Set the profile's Braze REST endpoint, or give the route a URL.`
      return forwardCapture(forwardDeps, {
        ...job,
        baseUrl: 'http://invalid.invalid',
        notSent: why,
      })
    }
    return forwardCapture(forwardDeps, job)
  }

  /** The trigger body the capture was rendered from: the route's saved one, or the Sandbox's. */
  private triggerOf(capture: Capture, savedId: string | null): TemplateRef | null {
    const saved = savedId ? this.deps.savedTemplate(savedId) : undefined
    if (saved) return { kind: 'saved', name: saved.name, text: saved.body }
    return triggerTemplateFor(capture, this.deps.triggers())
  }

  /** Keeps the forward's state on the capture and tells the Inbox. */
  private async store(capture: Capture, forwarded: Forwarded): Promise<void> {
    const current = (await this.deps.captures.get(capture.id)) ?? capture
    const updated: Capture = { ...current, forward: forwarded.forward }
    await this.deps.captures.put(updated)
    this.deps.updated(updated)
  }

  private routeOf(capture: Capture): ReceiverRoute {
    return (
      this.deps.routes().find((r) => r.name === capture.route) ??
      receiverRoute.parse({ name: capture.route, forward: { auth: 'profile' } })
    )
  }
}
