import { z } from 'zod'
import { rawHeaders } from './raw-http'

/**
 * Tunnels: what the user chooses (settings) and what the engine reports (status, self-test).
 * Schemas only; the API contract that serves them is wired with the receiver.
 */

/** What carried a request to the receiver; `direct` is a request that reached loopback itself. */
export const tunnelTransport = z.enum(['ngrok', 'cloudflared', 'localtunnel', 'custom'])
export type TunnelTransport = z.infer<typeof tunnelTransport>

/** A bare host name such as `webhooks.example.ngrok.app` (no scheme, port or path). */
const hostName = z
  .string()
  .regex(
    /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i,
    'a host name such as webhooks.example.ngrok.app, without https:// or a path',
  )

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'an http:// or https:// URL' })
  .refine((url) => !/[?#]/.test(url), 'a URL without a query or fragment')

/**
 * The tunnel the user picked. The ngrok auth token is not here: it lives in the vault
 * (`tunnelAuthToken`) and is handed to the provider when it starts.
 */
export const tunnelChoice = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('none') }),
  z.object({
    provider: z.literal('ngrok'),
    /** A domain reserved on the user's ngrok account; a random one is assigned without it. */
    domain: hostName.optional(),
  }),
  z.object({ provider: z.literal('cloudflared') }),
  z.object({
    provider: z.literal('localtunnel'),
    /** A server speaking the localtunnel protocol, e.g. a team's own `https://lt.example.com`. */
    serverUrl: httpUrl,
    /** Asked of the server; it may hand out another one if this one is taken. */
    subdomain: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{2,61}[a-z0-9]$/, '4 to 63 lowercase letters, digits or dashes')
      .optional(),
  }),
  z.object({
    provider: z.literal('custom'),
    /** The user's own reverse proxy that forwards to the receiver's port. */
    publicUrl: httpUrl,
  }),
])
export type TunnelChoice = z.infer<typeof tunnelChoice>
export type ActiveTunnelChoice = Exclude<TunnelChoice, { provider: 'none' }>

export const tunnelSettings = z.object({
  choice: tunnelChoice.default({ provider: 'none' }),
  /** Seconds between self-tests while online; 0 turns the periodic self-test off. */
  selfTestIntervalSeconds: z.number().int().min(0).max(3600).default(60),
})
export type TunnelSettings = z.infer<typeof tunnelSettings>

/** A header the tunnel changed or merged on the way, as sent and as it arrived. */
const headerRename = z.object({ sent: z.string(), arrived: z.string() })

/** What the tunnel did to the self-test request between the public URL and the receiver. */
export const tunnelChanges = z.object({
  /** The Host header, when it arrived different from the one sent. */
  host: z.object({ sent: z.string(), arrived: z.string().nullable() }).nullable(),
  /** The path, when it arrived different (a proxy that strips or adds a prefix). */
  path: z.object({ sent: z.string(), arrived: z.string() }).nullable(),
  /** Headers that arrived but were not sent (`X-Forwarded-For`, `Via`, the provider's ids). */
  added: rawHeaders,
  /** Names of headers that were sent but did not arrive. */
  removed: z.array(z.string()),
  /** Header names whose case changed (e.g. `X-Bridgebench-Probe` → `x-bridgebench-probe`). */
  caseChanged: z.array(headerRename),
  /** Headers sent as several lines that arrived as one comma-joined line. */
  mergedDuplicates: z.array(
    z.object({ name: z.string(), sent: z.array(z.string()), arrived: z.array(z.string()) }),
  ),
  body: z.object({
    changed: z.boolean(),
    sentBytes: z.number().int().min(0),
    arrivedBytes: z.number().int().min(0),
    /** Offset of the first byte that differs, or null when the bodies are equal. */
    firstDifferenceAt: z.number().int().min(0).nullable(),
  }),
  /** The socket's peer as the receiver saw it (for a tunnel, usually 127.0.0.1). */
  remoteAddress: z.string(),
  /** The client address the tunnel reported in `X-Forwarded-For`, if any. */
  forwardedFor: z.string().nullable(),
})
export type TunnelChanges = z.infer<typeof tunnelChanges>

export const selfTestReport = z.object({
  ok: z.boolean(),
  /** When the probe was sent (ISO 8601). */
  at: z.string(),
  nonce: z.string(),
  /** From sending the probe to the last byte of the receiver's answer, through the tunnel. */
  roundTripMs: z.number().min(0).optional(),
  /** The HTTP status the public URL answered with, if it answered. */
  status: z.number().int().optional(),
  /** Why the probe failed, in words a person can act on. */
  failure: z.string().optional(),
  changes: tunnelChanges.optional(),
  /** The changes in one line each, for a status line or the CLI. */
  summary: z.array(z.string()),
})
export type SelfTestReport = z.infer<typeof selfTestReport>

export const tunnelStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('stopped'), transport: tunnelTransport.optional() }),
  z.object({
    state: z.literal('connecting'),
    transport: tunnelTransport,
    /** 1 for the first connect, then counting reconnects since the last time online. */
    attempt: z.number().int().min(1),
  }),
  z.object({
    state: z.literal('online'),
    transport: tunnelTransport,
    publicUrl: z.string(),
    /** When this connection came online (ISO 8601). */
    since: z.string(),
    lastSelfTest: selfTestReport.optional(),
  }),
  z.object({
    state: z.literal('error'),
    transport: tunnelTransport,
    reason: z.string(),
    /** False when retrying cannot help (a rejected token, a missing program): the user must act. */
    retryable: z.boolean(),
    /** When the next reconnect starts (ISO 8601), if one is scheduled. */
    retryAt: z.string().optional(),
    /** The URL that stopped working, if there was one. */
    publicUrl: z.string().optional(),
    lastSelfTest: selfTestReport.optional(),
  }),
])
export type TunnelStatus = z.infer<typeof tunnelStatus>
