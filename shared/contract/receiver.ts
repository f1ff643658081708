import { eventIterator, oc } from '@orpc/contract'
import { z } from 'zod'
import { receiverRoute } from './captures'
import { selfTestReport, tunnelChoice, tunnelStatus } from './tunnel'

/**
 * The webhook receiver and its tunnel: where Zendesk's webhooks arrive, on loopback and at a
 * public URL, and how each route answers.
 */

export const receiverState = z.object({
  state: z.enum(['stopped', 'starting', 'running', 'error']),
  /** `http://127.0.0.1:PORT` while running. */
  url: z.string().nullable(),
  port: z.number().int().nullable(),
  error: z.string().nullable(),
})

/** What the Inbox screen and the tray show at the top. */
export const receiverStatus = z.object({
  receiver: receiverState,
  tunnel: tunnelStatus,
  /** The URL to give Zendesk for a route: the tunnel's when online, else the local one. */
  publicUrl: z.string().nullable(),
  captures: z.number().int(),
})
export type ReceiverStatus = z.infer<typeof receiverStatus>

export const receiverSettingsView = z.object({
  port: z.number().int(),
  bodyLimitBytes: z.number().int(),
  toleranceSeconds: z.number().int().nullable(),
  secretEnv: z.string().nullable(),
  retention: z.object({ maxCount: z.number().int(), maxAgeDays: z.number().int() }),
  routes: z.array(receiverRoute),
  tunnel: z.object({ choice: tunnelChoice, selfTestIntervalSeconds: z.number().int() }),
  sandboxThroughReceiver: z.boolean(),
  notifyOnCapture: z.boolean(),
})
export type ReceiverSettingsView = z.infer<typeof receiverSettingsView>

/** A change to the settings; only the fields given change. */
export const receiverSettingsPatch = z
  .object({
    port: z.number().int().min(0).max(65_535),
    bodyLimitBytes: z
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024),
    toleranceSeconds: z.number().int().min(1).nullable(),
    secretEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'an environment variable name')
      .nullable(),
    retention: z.object({
      maxCount: z.number().int().min(100),
      maxAgeDays: z.number().int().min(1),
    }),
    tunnel: z.object({
      choice: tunnelChoice,
      selfTestIntervalSeconds: z.number().int().min(0).max(3600),
    }),
    sandboxThroughReceiver: z.boolean(),
    notifyOnCapture: z.boolean(),
  })
  .partial()
export type ReceiverSettingsPatch = z.infer<typeof receiverSettingsPatch>

export const receiverContract = {
  status: oc.output(receiverStatus),
  /** Live status: the current one first, then each change. */
  events: oc.output(eventIterator(receiverStatus)),
  start: oc.output(receiverStatus),
  stop: oc.output(receiverStatus),
  settings: oc.output(receiverSettingsView),
  updateSettings: oc.input(receiverSettingsPatch).output(receiverSettingsView),
  /** Adds a route, or replaces the one with the same name. */
  saveRoute: oc.input(receiverRoute).output(receiverSettingsView),
  removeRoute: oc.input(z.object({ name: z.string() })).output(receiverSettingsView),
  startTunnel: oc.output(receiverStatus),
  stopTunnel: oc.output(receiverStatus),
  selfTest: oc.output(selfTestReport),
  /**
   * A signing secret to verify with for this session only (never stored): `bridgebench listen
   * --secret-env VAR` hands over the variable's value; null forgets it.
   */
  useSessionSecret: oc
    .input(z.object({ secret: z.string().min(1).max(1024).nullable() }))
    .output(z.object({ ok: z.literal(true) })),
}
