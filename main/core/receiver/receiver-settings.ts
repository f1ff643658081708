import { z } from 'zod'
import { receiverRoute } from '../../../shared/contract/captures'
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
  schemaVersion: z.literal(1),
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
  /** The Sandbox's webhook delivers to the receiver's `sandbox` route instead of straight to Braze. */
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
  routes: [
    {
      name: 'braze',
      answer: { status: 200, retryAfterSeconds: null, delayMs: 0, close: false },
      strictSignature: false,
      profileId: null,
    },
  ],
  tunnel: { choice: { provider: 'none' }, selfTestIntervalSeconds: 60 },
  linkedWebhooks: [],
  sandboxThroughReceiver: false,
  notifyOnCapture: false,
  running: false,
}

const MIGRATIONS: Migration[] = [
  { to: 1, describe: 'receiver settings', up: (data) => ({ ...DEFAULTS, ...data }) },
]

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
