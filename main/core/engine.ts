import type { AppEvent, AppInfo, AppStatus, ProfileRef } from '../../shared/contract'
import { redactKnownSecrets } from '../../shared/security/masking'
import { APP_NAME } from './app-paths'
import { EventHub } from './events/event-hub'
import { createBrazeLiquid, type BrazeLiquid } from './liquid/braze-liquid'
import type { RenderLimits } from './liquid/render-limits'
import { ManagedService } from './events/managed-service'
import { ServiceBoard } from './events/service-board'
import { testConnection } from './connection/connection-tester'
import { startSandbox, type Sandbox, type SandboxOptions } from './simulators/sandbox'
import { loadSandboxSeed } from './simulators/sandbox-seed'
import { TEMPLATE_LIBRARY_FILE } from './templates/stored-templates'
import { resolveRender } from './templates/render-request'
import { TemplateLibrary } from './templates/template-library'
import { USER_LIBRARY_FILE } from './users/stored-users'
import { UserLibrary } from './users/user-library'
import { CaptureStore } from './captures/capture-store'
import { ExchangeStore } from './captures/exchange-store'
import { Inbox } from './receiver/inbox'
import { RECEIVER_SETTINGS_FILE } from './receiver/receiver-settings'
import { startSandboxDelivering, syncSandboxDelivery } from './sandbox-delivery'
import { WebhookLinks } from './receiver/webhook-links'
import { createHttpClient, type HttpClient } from './net/http-request'
import { abortableSleep, type Sleep } from './net/retrying-send'
import { ForwardService } from './forward/forward-service'
import { PresetStore } from './presets/preset-store'
import { QaTools } from './qa-tools'
import { TestTicketLog } from './zendesk/test-ticket-log'
import { recoverSends } from './zendesk/recover-sends'
import { TicketsService } from './zendesk/tickets-service'
import { prepareDataFolder } from './storage/data-folder'
import { confStoreFactory, type JsonStoreFactory } from './storage/json-store'
import { ProfileVault, SANDBOX_ID } from './vault/profile-vault'
import type { SecretCipher } from './vault/secret-cipher'
import { ZendeskAuthorizer } from './zendesk/zendesk-authorizer'
import { OffThread } from './workers/off-thread'
import { processWorkerPool } from './workers/process-pool'
import type { WorkerPool } from './workers/worker-pool'
import { TriggerService } from './trigger/trigger-service'
import { brazeHandoff } from './zendesk/braze-handoff'
import { ProfileCredentials, sandboxSource, whileUnlocked } from './profile-credentials'

export type Door = AppInfo['door']

export interface EngineOptions {
  dataFolder: string
  version: string
  door: Door
  secretCipher: SecretCipher
  /** Where settings and secrets files live; defaults to conf files in the data folder. */
  stores?: JsonStoreFactory
  platform?: NodeJS.Platform
  now?: () => Date
  /** Opens a URL in the user's browser (OAuth sign-in); each door knows how. */
  openExternal?: (url: string) => void
  /**
   * The one outbound HTTP path (Zendesk, Braze, OAuth); tests pass one whose DNS is a fake, so
   * no real name is ever resolved.
   */
  http?: HttpClient
  /** Desktop only: writes the system clipboard from main (Copy as cURL with secrets). */
  copyToClipboard?: (text: string) => void
  /** Waits between send retries; tests make it instant. */
  sleep?: Sleep
  /**
   * The simulated Zendesk and Braze behind the Sandbox profile (DESIGN principle 3) start on
   * first use; these options are passed to them. `false` leaves the Sandbox out entirely.
   */
  sandbox?: false | SandboxOptions
  /**
   * Where renders and imports run, off the thread that serves the API and the simulators: by
   * default one pool for the whole process (engines in one process share its workers).
   */
  workers?: WorkerPool
  /** Time, output and memory limits of every render (liquid/render-limits.ts defaults). */
  renderLimits?: RenderLimits
  /**
   * Where the engine writes lines for whoever runs it (an unexpected error, a connection it
   * closed): standard error by default. Lines never carry a secret the vault knows.
   */
  log?: (line: string) => void
  /** The environment a signing-secret variable is read from; process.env by default. */
  env?: NodeJS.ProcessEnv
}

/** The one object every front door holds: it composes the services and owns their lifecycle. */
export class Engine {
  readonly events = new EventHub<AppEvent>()
  readonly services: ServiceBoard
  readonly dataFolder: string
  readonly vault: ProfileVault
  readonly http: HttpClient
  readonly zendeskAuth: ZendeskAuthorizer
  private readonly credentials: ProfileCredentials
  /**
   * Braze Liquid on this thread, for what only parses (check, targets); renders go through
   * `renderer`. Live Connected Content is never wired.
   */
  readonly liquid: BrazeLiquid
  /** Renders previews, batches and sends in workers, within their limits. */
  readonly renderer: OffThread
  readonly templates: TemplateLibrary
  readonly users: UserLibrary
  readonly exchanges: ExchangeStore
  readonly tickets: TicketsService
  readonly presets: PresetStore
  /** Zendesk → Bridgebench: the receiver, its tunnel and their settings. */
  readonly inbox: Inbox
  readonly webhookLinks: WebhookLinks
  /** Captures forwarded on to Braze: auto-forward per route, by hand, read-back. */
  readonly forwards: ForwardService
  /** Diffs, replays and HAR/NDJSON interop (Exchanges and Replay/QA screens, `bridgebench replay`). */
  readonly qa: QaTools
  /** Zendesk → Braze authoring: the trigger body, its send test and one-step setup. */
  readonly triggers: TriggerService
  private readonly sandboxService: ManagedService<Sandbox> | undefined
  /** What start-up repaired or found (shown once by the door that started the engine). */
  readonly startupNotices: string[] = []
  private readonly ticketLog: TestTicketLog
  private readonly now: () => Date
  private closed = false
  private readonly closers: Array<() => Promise<void>> = []

  private constructor(
    private readonly options: EngineOptions,
    readonly captures: CaptureStore,
  ) {
    this.dataFolder = options.dataFolder
    this.now = options.now ?? (() => new Date())
    this.services = new ServiceBoard(() => this.publishStatus())
    // Every data file (settings, secrets, templates, users, presets…) comes from one factory.
    const stores = options.stores ?? confStoreFactory(options.dataFolder)
    this.vault = new ProfileVault({
      stores,
      cipher: options.secretCipher,
      sandbox: () => sandboxSource(this.sandboxService?.current),
      now: this.now,
    })
    const sandboxOptions = options.sandbox
    if (sandboxOptions !== false) {
      this.sandboxService = new ManagedService(this.services, {
        id: 'simulators',
        label: 'Simulators',
        idleDetail: 'start when the Sandbox is first used',
        start: () =>
          startSandboxDelivering(
            () => startSandbox({ now: this.now, ...sandboxOptions }),
            this.inbox,
            (line) => this.log('warning', line),
          ),
        describe: (sandbox) =>
          `Zendesk ${new URL(sandbox.urls.zendesk).host} · Braze ${new URL(sandbox.urls.braze).host}`,
      })
      this.onClose(() => this.sandboxService?.stop() ?? Promise.resolve())
    }
    this.http = options.http ?? createHttpClient({ userAgent: `Bridgebench/${options.version}` })
    this.zendeskAuth = new ZendeskAuthorizer(this.vault, this.http, this.now, options.openExternal)
    this.credentials = new ProfileCredentials({
      vault: this.vault,
      zendeskAuth: this.zendeskAuth,
      useProfile: (id) => this.useProfile(id),
      sandbox: () => this.sandbox,
    })
    this.onClose(() => this.zendeskAuth.close())
    this.liquid = createBrazeLiquid({ clock: this.now, limits: options.renderLimits })
    this.renderer = new OffThread({
      pool: options.workers ?? processWorkerPool(),
      now: this.now,
      limits: options.renderLimits,
    })
    this.templates = new TemplateLibrary({
      store: stores(TEMPLATE_LIBRARY_FILE),
      now: this.now,
    })
    this.users = new UserLibrary({
      store: stores(USER_LIBRARY_FILE, { keepFloats: true }),
      now: this.now,
    })
    this.exchanges = new ExchangeStore(options.dataFolder, { now: this.now })
    this.onClose(() => this.exchanges.close())
    this.ticketLog = new TestTicketLog(stores('test-tickets'))
    this.tickets = new TicketsService({
      vault: this.vault,
      authorizer: this.zendeskAuth,
      http: this.http,
      exchanges: this.exchanges,
      log: this.ticketLog,
      render: this.renderer,
      resolveRender: (request) => resolveRender(request, this.users),
      now: this.now,
      useProfile: (id) => this.useProfile(id),
      sleep: options.sleep,
      copyToClipboard: options.copyToClipboard,
    })
    this.presets = new PresetStore(stores('presets'))
    this.onClose(() => captures.close())
    this.inbox = new Inbox({
      captures,
      settingsFile: stores(RECEIVER_SETTINGS_FILE),
      board: this.services,
      signingSecret: (profileId) => this.credentials.signingSecret(profileId),
      tunnelToken: () =>
        this.credentials.optionalSecret(this.vault.activeProfileId(), 'tunnelAuthToken'),
      encrypt: () => whileUnlocked(options.secretCipher, 'encrypt'),
      env: options.env ?? process.env,
      now: this.now,
      log: (line) => this.log('warning', line),
      proxy: (capture, route) => this.forwards.proxy(capture, route),
    })
    this.onClose(() => this.inbox.close())
    this.forwards = new ForwardService({
      http: this.http,
      exchanges: this.exchanges,
      captures,
      routes: () => this.inbox.settings.get().routes,
      target: (profileId) => this.credentials.forwardTarget(profileId),
      triggers: () => this.sandbox?.zendesk.triggers() ?? [],
      savedTemplate: (id) => this.templates.find(id),
      decrypt: () => whileUnlocked(options.secretCipher, 'decrypt'),
      updated: (capture) => this.inbox.updated(capture),
      now: this.now,
      sleep: options.sleep ?? abortableSleep,
      log: (line) => this.log('warning', line),
    })
    // Before the inbox closes, so no forward outlives the stores it writes.
    this.onClose(() => this.forwards.close())
    this.inbox.onCaptured((capture) => this.forwards.enqueue(capture))
    this.inbox.onStateChange(() => syncSandboxDelivery(this.sandbox, this.inbox))
    this.inbox.onSettingsChange(() => syncSandboxDelivery(this.sandbox, this.inbox))
    this.webhookLinks = new WebhookLinks({
      http: this.http,
      target: (profileId) => this.credentials.zendeskTarget(profileId),
      settings: this.inbox.settings,
      routeUrl: (route) => this.inbox.routeUrl(route),
      captures,
      now: this.now,
    })
    this.qa = new QaTools({
      dataFolder: options.dataFolder,
      version: options.version,
      captures,
      exchanges: this.exchanges,
      http: this.http,
      vault: this.vault,
      zendeskAuth: this.zendeskAuth,
      cipher: options.secretCipher,
      useProfile: (id) => this.useProfile(id),
      sandbox: () => this.sandbox,
      receiverBase: () => this.inbox.running?.url,
      signingSecret: (id) => this.credentials.signingSecret(id),
      now: this.now,
      sleep: options.sleep,
      runDiff: (input) => this.renderer.diff(input),
    })
    this.triggers = new TriggerService({
      http: this.http,
      store: stores('trigger-setup'),
      zendesk: (profileId) => this.credentials.zendeskTarget(profileId),
      braze: (profileId) => this.credentials.brazeRest(profileId),
      isSandbox: (profileId) => profileId === SANDBOX_ID,
      receiverUrl: () => this.inbox.routeUrl('braze'),
      defaultTemplate: async () =>
        (await loadSandboxSeed(sandboxOptions ? sandboxOptions.resourcesDir : undefined))
          .triggerBody,
    })
  }

  static async create(options: EngineOptions): Promise<Engine> {
    const notices = prepareDataFolder(options.dataFolder)
    const captures = await CaptureStore.open(options.dataFolder, { now: options.now })
    const engine = new Engine(options, captures)
    notices.push(...(await recoverSends(engine.exchanges, engine.ticketLog)))
    for (const line of notices) engine.log('warning', line)
    engine.startupNotices.push(...notices)
    await engine.inbox.resume()
    const resumed = await engine.forwards.resumePending()
    if (resumed > 0)
      engine.log(
        'warning',
        `Forwarding ${resumed} capture${resumed === 1 ? '' : 's'} again that were pending when Bridgebench stopped.`,
      )
    return engine
  }

  /** The simulators if they are running now (they start on first use: see `useSandbox`). */
  get sandbox(): Sandbox | undefined {
    return this.sandboxService?.current
  }

  /** The simulators, started if this is their first use. */
  async useSandbox(): Promise<Sandbox> {
    if (!this.sandboxService) {
      throw new Error('This engine runs without the Sandbox (its simulators are switched off).')
    }
    return this.sandboxService.ensure()
  }

  /**
   * Makes a profile ready to use before anything reads its URLs or secrets: the Sandbox profile
   * needs its simulators running. Returns the profile id (the active one when none is given).
   */
  async useProfile(id?: string | null): Promise<string> {
    const profileId = id ?? this.vault.activeProfileId()
    this.vault.get(profileId)
    if (profileId === SANDBOX_ID) await this.useSandbox()
    return profileId
  }

  info(): AppInfo {
    return {
      name: APP_NAME,
      version: this.options.version,
      door: this.options.door,
      platform: this.options.platform ?? process.platform,
      activeProfile: this.activeProfile(),
      dataFolder: this.dataFolder,
      secretStorage: this.vault.storageInfo(),
    }
  }

  status(): AppStatus {
    return {
      activeProfile: this.activeProfile(),
      secretStorage: this.vault.storageInfo(),
      services: this.services.list(),
    }
  }

  statusEvent(): AppEvent {
    return { type: 'status', at: this.now().toISOString(), status: this.status() }
  }

  notify(level: 'info' | 'warning' | 'error', message: string): void {
    this.events.emit({ type: 'notice', at: this.now().toISOString(), level, message })
  }

  /** One entry in the operator's log (stderr unless the door says otherwise), secrets masked. */
  log(level: 'warning' | 'error', message: string): void {
    const text = redactKnownSecrets(message, this.vault.secrets.knownValues())
    const write = this.options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
    write(`${this.now().toISOString()} ${level}: ${text}`)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    // Stop in reverse start order; one failing service must not keep the others running.
    const results = await Promise.allSettled(this.closers.reverse().map((close) => close()))
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    if (failures.length > 0) {
      throw new AggregateError(
        failures.map((f) => f.reason as unknown),
        'Some services did not stop cleanly',
      )
    }
  }

  /** Registers a shutdown step for a service the engine started. */
  onClose(close: () => Promise<void>): void {
    this.closers.push(close)
  }

  /** Opens passphrase-protected secrets for this session (plain Node and browser mode). */
  unlockSecrets(passphrase: string): void {
    const cipher = this.options.secretCipher
    if (!cipher.unlock) {
      throw new Error('Secrets are kept in the OS keychain here; there is no passphrase to enter.')
    }
    cipher.unlock(passphrase)
    this.publishStatus()
  }

  async testConnection(profileId: string) {
    await this.useProfile(profileId)
    return testConnection(
      { vault: this.vault, authorizer: this.zendeskAuth, http: this.http, now: this.now },
      profileId,
    )
  }

  /** "Copy for Braze": the webhook composer's fields for a Compose template and a profile. */
  async brazeHandoff(
    profileId: string | undefined,
    input: { body: string; headers: Record<string, string>; copy: 'masked' | 'secrets' },
  ) {
    const id = await this.useProfile(profileId)
    return brazeHandoff(
      {
        vault: this.vault,
        authorizer: this.zendeskAuth,
        now: this.now,
        copyToClipboard: this.options.copyToClipboard,
      },
      id,
      input,
    )
  }

  activateProfile(id: string): void {
    this.vault.activate(id)
    this.publishStatus()
  }

  /** Tells every window that something shown in the status bar may have changed. */
  refreshStatus(): void {
    this.publishStatus()
  }

  private activeProfile(): ProfileRef {
    const { id, name } = this.vault.get(this.vault.activeProfileId())
    return { id, name }
  }

  private publishStatus(): void {
    this.events.emit(this.statusEvent())
  }
}
