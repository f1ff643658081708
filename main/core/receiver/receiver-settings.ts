import { z } from 'zod'
import { receiverRoute } from '../../../shared/contract/captures'
import type { RouteForwardInput } from '../../../shared/contract/forward'
import { tunnelSettings } from '../../../shared/contract/tunnel'
import type { JsonStore } from '../storage/json-store'
import type { Migration } from '../storage/settings-migrations'
import { VersionedDocument } from '../storage/versioned-document'

/** A Zendesk webhook pointed at the public URL, and where it pointed before (to put it back). */
export const linkedWebhook = z.object({
  profileId: z.string(),
  webhookId: z.string(),
  webhookName: z.string(),
  previousEndpoint: z.string(),
  linkedEndpoint: z.string(),
  linkedAt: z.string(),
})
export type LinkedWebhook = z.infer<typeof linkedWebhook>

export const receiverSettings = z.object({
  schemaVersion: z.literal(2),
  /** 0: any free port, chosen at each start. */
  port: z.number().int().min(0).max(65_535),
  bodyLimitBytes: z
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024),
  /** Warn on signature timestamps further off than this; null: no window (Zendesk has none). */
  toleranceSeconds: z.number().int().min(1).nullable(),
  /** An environment variable holding a signing secret (`listen --secret-env`). */
  secretEnv: z.string().nullable(),
  retention: z.object({
    maxCount: z.number().int().min(100),
    maxAgeDays: z.number().int().min(1),
  }),
  routes: z.array(receiverRoute),
  tunnel: tunnelSettings,
  linkedWebhooks: z.array(linkedWebhook),
  /**
   * The Sandbox's webhook delivers to the receiver's `sandbox` route (which forwards to the
   * simulated Braze) instead of straight to Braze; the receiver starts with the Sandbox.
   */
  sandboxThroughReceiver: z.boolean(),
  /** A desktop notification for each capture. */
  notifyOnCapture: z.boolean(),
  /** Whether the receiver was running when the app last stopped: it starts again if so. */
  running: z.boolean(),
})
export type ReceiverSettings = z.infer<typeof receiverSettings>

export const RECEIVER_SETTINGS_FILE = 'receiver'

const DEFAULTS: Omit<ReceiverSettings, 'schemaVersion'> = {
  port: 0,
  bodyLimitBytes: 10 * 1024 * 1024,
  toleranceSeconds: null,
  secretEnv: null,
  retention: { maxCount: 20_000, maxAgeDays: 30 },
  routes: [receiverRoute.parse({ name: 'braze' })],
  tunnel: { choice: { provider: 'none' }, selfTestIntervalSeconds: 60 },
  linkedWebhooks: [],
  sandboxThroughReceiver: true,
  notifyOnCapture: false,
  running: false,
}

const MIGRATIONS: Migration[] = [
  // A fresh install starts here; a version 1 file keeps the switch as its user left it.
  { to: 1, describe: 'receiver settings', up: (data) => ({ ...DEFAULTS, ...data }) },
  {
    to: 2,
    describe: 'routes forward to Braze (off, except the Sandbox route: capture-first)',
    up: (data) => ({
      ...data,
      routes: (Array.isArray(data.routes) ? (data.routes as unknown[]) : []).map(withForward),
    }),
  },
]

/** A version 1 route: forwarding off, except the Sandbox's own route, which now closes the loop. */
function withForward(route: unknown): unknown {
  if (typeof route !== 'object' || route === null || 'forward' in route) return route
  const { name, profileId } = route as { name?: unknown; profileId?: unknown }
  const sandbox = name === SANDBOX_ROUTE && profileId === 'sandbox'
  return { ...route, forward: sandbox ? SANDBOX_ROUTE_FORWARD : { mode: 'off' } }
}

/** The receiver route the Sandbox's webhook delivers to when it goes through the receiver. */
export const SANDBOX_ROUTE = 'sandbox'

/**
 * The Sandbox route forwards each capture to the simulated Braze with the Sandbox profile's key,
 * swapped in for the one Zendesk sent: that key is kept only as ciphertext, which cannot be
 * written while secret storage is locked (a browser-mode user who never set a passphrase), and
 * the swap is what the exchange diff shows.
 */
export const SANDBOX_ROUTE_FORWARD: RouteForwardInput = {
  mode: 'capture-first',
  profileId: 'sandbox',
  auth: 'profile',
}

/** The receiver's settings in receiver.json: port, routes and their answers, tunnel, links. */
export class ReceiverSettingsStore {
  private readonly document: VersionedDocument<ReceiverSettings>

  constructor(store: JsonStore, now?: () => Date) {
    this.document = new VersionedDocument(store, receiverSettings, MIGRATIONS, now)
  }

  get(): ReceiverSettings {
    return this.document.get()
  }

  update(change: (draft: ReceiverSettings) => ReceiverSettings): ReceiverSettings {
    return this.document.update(change)
  }
}
