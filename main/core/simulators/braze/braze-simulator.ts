import {
  brazeSimulatorSettings,
  brazeSimulatorSettingsPatch,
  type BrazeProfileView,
  type BrazeRequestView,
  type BrazeSimulatorSettings,
  type BrazeSnapshot,
  type SimulatorEvent,
} from '../../../../shared/contract/simulators'
import { EventHub } from '../../events/event-hub'
import { ChangeBatcher } from '../change-batcher'
import { listenOnLoopback } from '../../net/loopback-server'
import { randomToken } from '../ids'
import { applySettingsPatch } from '../settings-patch'
import { createBrazeHandler } from './braze-server'
import { defaultBrazeSettings } from './default-settings'
import { BrazeProfileStore, type ExportUserSeed } from './profile-store'

/** The request log keeps the newest answers only. */
const REQUEST_LOG_LIMIT = 100
/** Change events are coalesced so a load test does not flood a UI. */
const CHANGE_INTERVAL_MS = 100

export interface BrazeSimulatorOptions {
  /** 0 (default) picks a free loopback port. */
  port?: number
  /** The REST API key it accepts as `Authorization: Bearer …`; random when not given. */
  apiKey?: string
  settings?: unknown
  /** Profiles to start with, in `/users/export/ids` shape (resources/sample-users.json). */
  users?: ExportUserSeed[]
  now?: () => Date
  random?: () => number
  events?: EventHub<SimulatorEvent>
}

export interface BrazeSimulator {
  /** `http://127.0.0.1:PORT`: the REST endpoint (braze-api's `apiUrl`). */
  readonly url: string
  /** `http://127.0.0.1:PORT/users/track`. */
  readonly trackUrl: string
  readonly port: number
  readonly credentials: { apiKey: string }
  readonly events: EventHub<SimulatorEvent>
  settings(): BrazeSimulatorSettings
  /** Validates and applies a partial change; throws SimulatorSettingsError naming bad fields. */
  updateSettings(patch: unknown): BrazeSimulatorSettings
  snapshot(): BrazeSnapshot
  profiles(): BrazeProfileView[]
  /** By braze_id or external_id. */
  profile(id: string): BrazeProfileView | undefined
  requests(): BrazeRequestView[]
  close(): Promise<void>
}

/** Starts the simulated Braze REST API (reference/braze.md §4–§6) on 127.0.0.1. */
export async function startBrazeSimulator(
  options: BrazeSimulatorOptions = {},
): Promise<BrazeSimulator> {
  const now = options.now ?? (() => new Date())
  const random = options.random ?? Math.random
  const events = options.events ?? new EventHub<SimulatorEvent>()
  let settings = applySettingsPatch(
    'braze',
    defaultBrazeSettings(),
    options.settings ?? {},
    brazeSimulatorSettingsPatch,
    brazeSimulatorSettings,
  )
  const apiKey = options.apiKey ?? randomToken()
  const store = new BrazeProfileStore(random)
  for (const user of options.users ?? []) store.seed(user, now())

  const requestLog: BrazeRequestView[] = []
  const changes = new ChangeBatcher<string>(CHANGE_INTERVAL_MS, (brazeIds, requests) =>
    events.emit({ type: 'braze.activity', brazeIds, requests }),
  )
  const server = await listenOnLoopback(
    createBrazeHandler({
      store,
      settings: () => settings,
      apiKey,
      now,
      random,
      onAnswer: (request, touched) => {
        requestLog.push(request)
        if (requestLog.length > REQUEST_LOG_LIMIT) requestLog.shift()
        changes.add(touched)
      },
    }),
    options.port ?? 0,
  )

  const profiles = () => [...store.profiles.values()].map((profile) => store.view(profile))
  return {
    url: server.origin,
    trackUrl: `${server.origin}/users/track`,
    port: server.port,
    credentials: { apiKey },
    events,
    settings: () => settings,
    updateSettings(patch) {
      settings = applySettingsPatch(
        'braze',
        settings,
        patch,
        brazeSimulatorSettingsPatch,
        brazeSimulatorSettings,
      )
      events.emit({ type: 'settings', simulator: 'braze' })
      return settings
    },
    snapshot: () => ({
      url: server.origin,
      settings,
      profiles: profiles(),
      requests: [...requestLog],
    }),
    profiles,
    profile(id) {
      const profile = store.profiles.get(id) ?? store.find({ kind: 'external_id', value: id })
      return profile ? store.view(profile) : undefined
    },
    requests: () => [...requestLog],
    async close() {
      changes.close()
      await server.close()
    },
  }
}
