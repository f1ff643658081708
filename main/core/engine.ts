import { mkdir } from 'node:fs/promises'
import type { AppEvent, AppInfo, AppStatus, ProfileRef } from '../../shared/contract'
import { APP_NAME } from './app-paths'
import { EventHub } from './events/event-hub'
import { ServiceBoard } from './events/service-board'
import type { SecretCipher } from './vault/secret-cipher'

export type Door = AppInfo['door']

export interface EngineOptions {
  dataFolder: string
  version: string
  door: Door
  secretCipher: SecretCipher
  platform?: NodeJS.Platform
  now?: () => Date
}

export const SANDBOX_PROFILE: ProfileRef = { id: 'sandbox', name: 'Sandbox' }

/** The one object every front door holds: it composes the services and owns their lifecycle. */
export class Engine {
  readonly events = new EventHub<AppEvent>()
  readonly services: ServiceBoard
  readonly dataFolder: string
  private readonly now: () => Date
  private closed = false
  private readonly closers: Array<() => Promise<void>> = []

  private constructor(private readonly options: EngineOptions) {
    this.dataFolder = options.dataFolder
    this.now = options.now ?? (() => new Date())
    this.services = new ServiceBoard(() => this.publishStatus())
  }

  static async create(options: EngineOptions): Promise<Engine> {
    await mkdir(options.dataFolder, { recursive: true })
    return new Engine(options)
  }

  info(): AppInfo {
    return {
      name: APP_NAME,
      version: this.options.version,
      door: this.options.door,
      platform: this.options.platform ?? process.platform,
      activeProfile: this.activeProfile(),
      dataFolder: this.dataFolder,
      secretStorage: this.options.secretCipher.info(),
    }
  }

  status(): AppStatus {
    return { activeProfile: this.activeProfile(), services: this.services.list() }
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

  private activeProfile(): ProfileRef {
    return SANDBOX_PROFILE
  }

  private publishStatus(): void {
    this.events.emit(this.statusEvent())
  }
}
