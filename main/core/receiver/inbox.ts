import type { Capture, CaptureEvent } from '../../../shared/contract/captures'
import type {
  ReceiverSettingsPatch,
  ReceiverSettingsView,
  ReceiverStatus,
} from '../../../shared/contract/receiver'
import type { ReceiverRoute } from '../../../shared/contract/captures'
import type { SelfTestReport, TunnelStatus } from '../../../shared/contract/tunnel'
import type { CaptureStore } from '../captures/capture-store'
import { EventHub } from '../events/event-hub'
import { ManagedService } from '../events/managed-service'
import type { ServiceBoard } from '../events/service-board'
import type { JsonStore } from '../storage/json-store'
import { providerFactory, type ProviderDeps } from '../tunnel/create-tunnel-provider'
import { TunnelService } from '../tunnel/tunnel-service'
import type { ProxyReply } from './capture-pipeline'
import { startReceiver, type RunningReceiver } from './receiver-service'
import { ReceiverSettingsStore, type ReceiverSettings } from './receiver-settings'
import { SelfTestArrivals } from './self-test-arrivals'
import { checkSignature, type SigningSecrets } from './signature-check'
import { rawBodyBytes } from '../net/raw-record'

export interface InboxDeps {
  captures: CaptureStore
  settingsFile: JsonStore
  board: ServiceBoard
  /** The signing secret of a profile (null: the active one); undefined when there is none. */
  signingSecret: (profileId: string | null) => string | undefined
  /** The vault's tunnel auth token for the active profile (ngrok). */
  tunnelToken: () => string | undefined
  /** Encrypts with the secret store; undefined while it is locked. */
  encrypt: () => ((plain: string) => string) | undefined
  env: NodeJS.ProcessEnv
  now: () => Date
  log: (line: string) => void
  tunnelProviders?: ProviderDeps
  /** Transparent-proxy routes: forwards the capture and gives Braze's answer for Zendesk. */
  proxy?: (capture: Capture, route: ReceiverRoute) => Promise<ProxyReply>
}

const STOPPED_TUNNEL: TunnelStatus = { state: 'stopped' }

/**
 * The Zendesk → Bridgebench half: the receiver and its tunnel as managed services, their
 * settings (receiver.json), the captures they store, and the live events the Inbox shows.
 */
export class Inbox {
  readonly settings: ReceiverSettingsStore
  /** Each capture as it is stored, and deletions. */
  readonly events = new EventHub<CaptureEvent>()
  /** The receiver's and tunnel's status whenever either changes. */
  readonly statusEvents = new EventHub<ReceiverStatus>()
  private readonly selfTests = new SelfTestArrivals()
  private readonly receiver: ManagedService<RunningReceiver>
  private readonly tunnel: ManagedService<TunnelService>
  private tunnelStatus: TunnelStatus = STOPPED_TUNNEL
  private readonly capturedListeners = new Set<(capture: Capture) => void>()
  private readonly settingsListeners = new Set<() => void>()
  private sessionSecret: string | undefined

  constructor(private readonly deps: InboxDeps) {
    this.settings = new ReceiverSettingsStore(deps.settingsFile, deps.now)
    this.receiver = new ManagedService(deps.board, {
      id: 'receiver',
      label: 'Receiver',
      idleDetail: 'stopped: start it on the Inbox screen',
      start: () =>
        startReceiver({
          captures: deps.captures,
          settings: () => this.settings.get(),
          secretsFor: (profileId) => this.secretsFor(profileId),
          tunnel: () => this.onlineTunnel(),
          selfTests: this.selfTests,
          now: deps.now,
          log: deps.log,
          captured: (capture) => this.captured(capture),
          encrypt: deps.encrypt,
          ...(deps.proxy ? { proxy: deps.proxy } : {}),
          updated: (capture) => this.updated(capture),
        }),
      describe: (running) => running.url,
    })
    this.tunnel = new ManagedService(deps.board, {
      id: 'tunnel',
      label: 'Tunnel',
      idleDetail: 'no public URL',
      start: () => this.startTunnel(),
      describe: (tunnel) =>
        tunnel.status.state === 'online' ? tunnel.status.publicUrl : tunnel.status.state,
    })
    this.receiver.onChange(() => this.publish())
    this.tunnel.onChange(() => this.publish())
    deps.captures.onDropped((ids) => this.events.emit({ type: 'deleted', ids }))
    deps.captures.setRetention(this.settings.get().retention)
  }

  /** The running receiver, started if this is its first use. */
  async start(): Promise<RunningReceiver> {
    const running = await this.receiver.ensure()
    this.settings.update((s) => ({ ...s, running: true }))
    return running
  }

  /**
   * The running receiver, started without remembering it for the next launch: the Sandbox
   * delivers through it by default, and starts it for that.
   */
  ensureRunning(): Promise<RunningReceiver> {
    return this.receiver.ensure()
  }

  async stop(): Promise<void> {
    await this.tunnel.stop()
    await this.receiver.stop()
    this.settings.update((s) => ({ ...s, running: false }))
  }

  /** Starts the receiver at engine start when it was running when the app last quit. */
  async resume(): Promise<void> {
    if (!this.settings.get().running) return
    try {
      await this.receiver.ensure()
      if (this.settings.get().tunnel.choice.provider !== 'none') await this.tunnel.ensure()
    } catch (error) {
      this.deps.log(
        `The receiver did not start again: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }

  get running(): RunningReceiver | undefined {
    return this.receiver.current
  }

  async startTunnelService(): Promise<void> {
    await this.start()
    await this.tunnel.ensure()
  }

  async stopTunnelService(): Promise<void> {
    await this.tunnel.stop()
    this.tunnelStatus = STOPPED_TUNNEL
    this.publish()
  }

  async selfTest(): Promise<SelfTestReport> {
    const tunnel = this.tunnel.current
    if (!tunnel) throw new Error('No tunnel is running: start one on the Inbox screen first.')
    return tunnel.selfTestNow()
  }

  /** Called when the receiver starts or stops (the Sandbox re-points its webhook). */
  onStateChange(listener: () => void): () => void {
    return this.receiver.onChange(listener)
  }

  /** Called for each capture once stored (the engine forwards it on, for example). */
  onCaptured(listener: (capture: Capture) => void): () => void {
    this.capturedListeners.add(listener)
    return () => this.capturedListeners.delete(listener)
  }

  status(): ReceiverStatus {
    const status = this.receiver.status
    const running = this.receiver.current
    const state = status.state
    return {
      receiver: {
        state,
        url: running?.url ?? null,
        port: running?.port ?? null,
        error: state === 'error' ? (status.detail ?? null) : null,
      },
      tunnel: this.tunnelStatus,
      publicUrl:
        this.tunnelStatus.state === 'online' ? this.tunnelStatus.publicUrl : (running?.url ?? null),
      captures: this.deps.captures.size,
    }
  }

  settingsView(): ReceiverSettingsView {
    const { schemaVersion: _v, linkedWebhooks: _l, running: _r, ...view } = this.settings.get()
    return view
  }

  updateSettings(patch: ReceiverSettingsPatch): ReceiverSettingsView {
    this.settings.update((s) => ({ ...s, ...patch }))
    if (patch.retention) this.deps.captures.setRetention(this.settings.get().retention)
    this.publish()
    for (const listener of this.settingsListeners) listener()
    return this.settingsView()
  }

  /** Called after each settings change (the Sandbox follows its switch). */
  onSettingsChange(listener: () => void): () => void {
    this.settingsListeners.add(listener)
    return () => this.settingsListeners.delete(listener)
  }

  saveRoute(route: ReceiverRoute): ReceiverSettingsView {
    this.settings.update((s) => ({
      ...s,
      routes: [...s.routes.filter((r) => r.name !== route.name), route],
    }))
    return this.settingsView()
  }

  removeRoute(name: string): ReceiverSettingsView {
    this.settings.update((s) => ({ ...s, routes: s.routes.filter((r) => r.name !== name) }))
    return this.settingsView()
  }

  /** The URL Zendesk should call for a route: through the tunnel when it is online. */
  routeUrl(route: string): string | null {
    const base = this.status().publicUrl
    return base ? `${base.replace(/\/+$/, '')}/hooks/${encodeURIComponent(route)}` : null
  }

  async close(): Promise<void> {
    clearTimeout(this.pendingPublish)
    await this.tunnel.stop()
    await this.receiver.stop()
  }

  /**
   * The likely cause of an invalid signature, worked out when a capture is looked at (capturing
   * skips it, so forged floods stay cheap). Null when the verdict needs no explaining.
   */
  explainSignature(capture: Capture): Capture['signature'] {
    const signature = capture.signature
    if (
      signature.verdict !== 'invalid' ||
      signature.cause !== null ||
      capture.request.body.truncated
    )
      return signature
    const route = this.settings.get().routes.find((r) => r.name === capture.route)
    const report = checkSignature({
      headers: capture.request.headers,
      body: rawBodyBytes(capture.request.body),
      secrets: this.secretsFor(route?.profileId ?? null),
      receivedAt: new Date(capture.receivedAt),
      toleranceSeconds: this.settings.get().toleranceSeconds,
    })
    return { ...signature, cause: report.cause }
  }

  /** A secret handed over for this session only (`listen --secret-env`); null forgets it. */
  useSessionSecret(secret: string | null): void {
    this.sessionSecret = secret ?? undefined
  }

  private secretsFor(profileId: string | null): SigningSecrets {
    const settings = this.settings.get()
    const fromEnv =
      this.sessionSecret ?? (settings.secretEnv ? this.deps.env[settings.secretEnv] : undefined)
    return {
      profile: this.deps.signingSecret(profileId),
      ...(fromEnv ? { environment: fromEnv } : {}),
    }
  }

  private async startTunnel(): Promise<TunnelService> {
    const settings: ReceiverSettings = this.settings.get()
    const choice = settings.tunnel.choice
    if (choice.provider === 'none') {
      throw new Error(
        'No tunnel is chosen: pick ngrok, cloudflared, a localtunnel server or your own URL first.',
      )
    }
    const receiver = await this.receiver.ensure()
    const tunnel = new TunnelService({
      createProvider: providerFactory(this.deps.tunnelProviders),
      selfTest: {
        awaitArrival: this.selfTests.awaitArrival,
        intervalMs: settings.tunnel.selfTestIntervalSeconds * 1000,
      },
      now: this.deps.now,
      log: this.deps.log,
    })
    tunnel.onStatus((status) => {
      this.tunnelStatus = status
      this.tunnel.describeAgain()
      this.publish()
    })
    const token = choice.provider === 'ngrok' ? this.deps.tunnelToken() : undefined
    try {
      await tunnel.start({
        localPort: receiver.port,
        choice,
        ...(token ? { authToken: token } : {}),
      })
    } catch (error) {
      await tunnel.close()
      throw error
    }
    return tunnel
  }

  private onlineTunnel() {
    const status = this.tunnelStatus
    if (status.state !== 'online') return undefined
    return { transport: status.transport, host: new URL(status.publicUrl).host }
  }

  private captured(capture: Capture): void {
    const summary = this.deps.captures.summary(capture.id)
    if (summary) this.events.emit({ type: 'captured', summary })
    for (const listener of this.capturedListeners) listener(capture)
    this.publishSoon()
  }

  /** A stored capture changed (its forward finished, a proxy answer was given): tells the Inbox. */
  updated(capture: Capture): void {
    const summary = this.deps.captures.summary(capture.id)
    if (summary) this.events.emit({ type: 'updated', summary })
  }

  private pendingPublish: NodeJS.Timeout | undefined

  /** Capture counts change often under load: the status goes out at most every 250 ms. */
  private publishSoon(): void {
    this.pendingPublish ??= setTimeout(() => {
      this.pendingPublish = undefined
      this.publish()
    }, 250)
  }

  private publish(): void {
    this.statusEvents.emit(this.status())
  }
}
