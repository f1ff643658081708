import got, { type Got } from 'got'
import type { AppEvent, AppInfo, AppStatus, ProfileRef } from '../../shared/contract'
import { APP_NAME } from './app-paths'
import { EventHub } from './events/event-hub'
import { createBrazeLiquid, type BrazeLiquid } from './liquid/braze-liquid'
import { ServiceBoard } from './events/service-board'
import { testConnection } from './connection/connection-tester'
import { startSandbox, type Sandbox, type SandboxOptions } from './simulators/sandbox'
import { TEMPLATE_LIBRARY_FILE } from './templates/stored-templates'
import { TemplateLibrary } from './templates/template-library'
import { USER_LIBRARY_FILE } from './users/stored-users'
import { UserLibrary } from './users/user-library'
import { ExchangeStore } from './captures/exchange-store'
import { PresetStore } from './presets/preset-store'
import { TestTicketLog } from './zendesk/test-ticket-log'
import { recoverSends } from './zendesk/recover-sends'
import { TicketsService } from './zendesk/tickets-service'
import { prepareDataFolder } from './storage/data-folder'
import { confStoreFactory, type JsonStoreFactory } from './storage/json-store'
import { ProfileVault, type SandboxSource } from './vault/profile-vault'
import type { SecretCipher } from './vault/secret-cipher'
import { ZendeskAuthorizer } from './zendesk/zendesk-authorizer'

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
  /** Outgoing HTTP; tests pass one with a fake DNS lookup. */
  http?: Got
  /** Desktop only: writes the system clipboard from main (Copy as cURL with secrets). */
  copyToClipboard?: (text: string) => void
  /** Waits between send retries; tests make it instant. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /**
   * Run the simulated Zendesk and Braze behind the Sandbox profile (DESIGN principle 3). Off for
   * one-shot CLI commands and most tests; options are passed through to the simulators.
   */
  sandbox?: boolean | SandboxOptions
  /** Where one-line startup notices go (a data folder made private…); stderr by default. */
  notice?: (message: string) => void
}

/** The one object every front door holds: it composes the services and owns their lifecycle. */
export class Engine {
  readonly events = new EventHub<AppEvent>()
  readonly services: ServiceBoard
  readonly dataFolder: string
  readonly vault: ProfileVault
  readonly http: Got
  readonly zendeskAuth: ZendeskAuthorizer
  /** Braze Liquid for previews, on the engine's clock; live Connected Content is never wired. */
  readonly liquid: BrazeLiquid
  readonly templates: TemplateLibrary
  readonly users: UserLibrary
  readonly exchanges: ExchangeStore
  readonly tickets: TicketsService
  readonly presets: PresetStore
  /** What start-up repaired or found (shown once by the door that started the engine). */
  readonly startupNotices: string[] = []
  private readonly ticketLog: TestTicketLog
  private sandboxSource: SandboxSource | undefined
  private sandboxHandle: Sandbox | undefined
  private readonly now: () => Date
  private closed = false
  private readonly closers: Array<() => Promise<void>> = []

  private constructor(private readonly options: EngineOptions) {
    this.dataFolder = options.dataFolder
    this.now = options.now ?? (() => new Date())
    this.services = new ServiceBoard(() => this.publishStatus())
    // Every data file (settings, secrets, templates, users, presets…) comes from one factory.
    const stores = options.stores ?? confStoreFactory(options.dataFolder)
    this.vault = new ProfileVault({
      stores,
      cipher: options.secretCipher,
      sandbox: () => this.sandboxSource,
      now: this.now,
    })
    this.http =
      options.http ?? got.extend({ headers: { 'user-agent': `Bridgebench/${options.version}` } })
    this.zendeskAuth = new ZendeskAuthorizer(this.vault, this.http, this.now, options.openExternal)
    this.onClose(() => this.zendeskAuth.close())
    this.liquid = createBrazeLiquid({ clock: this.now })
    this.templates = new TemplateLibrary({
      store: stores(TEMPLATE_LIBRARY_FILE),
      now: this.now,
    })
    this.users = new UserLibrary({ store: stores(USER_LIBRARY_FILE), now: this.now })
    this.exchanges = new ExchangeStore(options.dataFolder, { now: this.now })
    this.onClose(() => this.exchanges.close())
    this.ticketLog = new TestTicketLog(stores('test-tickets'))
    this.tickets = new TicketsService({
      vault: this.vault,
      authorizer: this.zendeskAuth,
      http: this.http,
      exchanges: this.exchanges,
      log: this.ticketLog,
      liquid: this.liquid,
      resolveUser: (id) => this.users.find(id)?.user,
      now: this.now,
      sleep: options.sleep,
      copyToClipboard: options.copyToClipboard,
    })
    this.presets = new PresetStore(stores('presets'))
  }

  static async create(options: EngineOptions): Promise<Engine> {
    const notices = prepareDataFolder(options.dataFolder)
    const engine = new Engine(options)
    notices.push(...(await recoverSends(engine.exchanges, engine.ticketLog)))
    const notice = options.notice ?? ((line) => process.stderr.write(`Bridgebench: ${line}\n`))
    for (const line of notices) notice(line)
    engine.startupNotices.push(...notices)
    if (options.sandbox) await engine.startSandbox(options.sandbox === true ? {} : options.sandbox)
    return engine
  }

  /** The running simulators, when this engine has a Sandbox. */
  get sandbox(): Sandbox | undefined {
    return this.sandboxHandle
  }

  requireSandbox(): Sandbox {
    if (!this.sandboxHandle) {
      throw new Error(
        'The simulators are not running in this engine (start the app or `bridgebench serve`).',
      )
    }
    return this.sandboxHandle
  }

  private async startSandbox(options: SandboxOptions): Promise<void> {
    const starting = { label: 'Simulators', state: 'starting' as const }
    this.services.set({ id: 'simulators', ...starting })
    try {
      const sandbox = await startSandbox({ now: this.now, ...options })
      this.sandboxHandle = sandbox
      this.sandboxSource = {
        zendeskBaseUrl: sandbox.urls.zendesk,
        zendeskEmail: sandbox.credentials.zendesk.email,
        brazeEndpoint: sandbox.urls.braze,
        secrets: {
          zendeskApiToken: sandbox.credentials.zendesk.token,
          brazeApiKey: sandbox.credentials.braze.apiKey,
          zendeskSigningSecret: sandbox.signingSecret(),
        },
      }
      this.onClose(() => sandbox.close())
      this.services.set({
        id: 'simulators',
        label: 'Simulators',
        state: 'running',
        detail: `Zendesk ${new URL(sandbox.urls.zendesk).host} · Braze ${new URL(sandbox.urls.braze).host}`,
      })
    } catch (error) {
      this.services.set({
        id: 'simulators',
        label: 'Simulators',
        state: 'error',
        detail: error instanceof Error ? error.message : String(error),
      })
    }
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

  testConnection(profileId: string) {
    return testConnection(
      { vault: this.vault, authorizer: this.zendeskAuth, http: this.http, now: this.now },
      profileId,
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
