import type { Capture, CaptureTransport, ReceiverRoute } from '../../../shared/contract/captures'
import type { RawHeaders } from '../../../shared/contract/raw-http'
import type { CaptureStore } from '../captures/capture-store'
import { headerValue } from '../net/raw-record'
import { createCapturePipeline, type ProxyReply } from './capture-pipeline'
import { InvocationWatch } from './invocation-watch'
import type { ReceiverSettings } from './receiver-settings'
import { startReceiverServer, type ReceiverServer } from './receiver-server'
import type { SelfTestArrivals } from './self-test-arrivals'
import type { SigningSecrets } from './signature-check'

export interface ReceiverDeps {
  captures: CaptureStore
  settings: () => ReceiverSettings
  /** The signing secrets for a route's profile (null: the active profile). */
  secretsFor: (profileId: string | null) => SigningSecrets
  /** The tunnel online now, if any: its transport and public host. */
  tunnel: () => { transport: Exclude<CaptureTransport, 'direct'>; host: string } | undefined
  selfTests: SelfTestArrivals
  now: () => Date
  log: (line: string) => void
  captured: (capture: Capture) => void
  /** Encrypts with the secret store; undefined while it is locked. */
  encrypt: () => ((plain: string) => string) | undefined
  /** Transparent-proxy routes: forwards the capture and gives Braze's answer for Zendesk. */
  proxy?: (capture: Capture, route: ReceiverRoute) => Promise<ProxyReply>
  /** Told when a stored capture changed (a proxy's answer and forward were added). */
  updated?: (capture: Capture) => void
}

export interface RunningReceiver extends ReceiverServer {
  readonly watch: InvocationWatch
}

/**
 * Starts the webhook receiver: its server on loopback, the capture pipeline behind it, and the
 * invocation state rebuilt from the captures already stored (so duplicates and out-of-order
 * arrivals are still recognised after a restart).
 */
export async function startReceiver(deps: ReceiverDeps): Promise<RunningReceiver> {
  const watch = new InvocationWatch()
  watch.rebuild(deps.captures.all())
  // Sub-millisecond arrival times: the clock's reading plus a monotonic offset.
  const base = deps.now().getTime()
  const started = performance.now()
  const clock = () => base + (performance.now() - started)
  const settings = deps.settings()
  const pipeline = createCapturePipeline({
    settings: () => {
      const current = deps.settings()
      return { routes: current.routes, toleranceSeconds: current.toleranceSeconds }
    },
    secretsFor: (route) => deps.secretsFor(route.profileId),
    transportFor: (headers) => transportOf(headers, deps.tunnel()),
    newId: (at) => deps.captures.newId(at),
    watch,
    store: (capture) => deps.captures.put(capture),
    captured: deps.captured,
    encrypt: deps.encrypt,
    ...(deps.proxy ? { proxy: deps.proxy } : {}),
    ...(deps.updated ? { updated: deps.updated } : {}),
  })
  const server = await startReceiverServer({
    port: settings.port,
    bodyLimitBytes: () => deps.settings().bodyLimitBytes,
    onRequest: pipeline,
    onSelfTest: (nonce, arrived) =>
      deps.selfTests.arrived(nonce, {
        method: arrived.method,
        path: arrived.target,
        rawHeaders: arrived.headers,
        body: arrived.body,
        remoteAddress: arrived.remoteAddress,
      }),
    clock,
    log: deps.log,
  })
  return Object.assign(server, { watch })
}

/** A request carried by the tunnel names the tunnel's public host; anything else came direct. */
function transportOf(
  headers: RawHeaders,
  tunnel: { transport: Exclude<CaptureTransport, 'direct'>; host: string } | undefined,
): CaptureTransport {
  if (!tunnel) return 'direct'
  const host = (headerValue(headers, 'x-forwarded-host') ?? headerValue(headers, 'host') ?? '')
    .toLowerCase()
    .replace(/:\d+$/, '')
  return host === tunnel.host.toLowerCase() ? tunnel.transport : 'direct'
}
