import { createHttpClient, type HttpClient } from '../../net/http-request'
import { nodeTimers, type Timers } from '../timers'
import {
  TunnelError,
  lostSignal,
  type ConnectRequest,
  type TunnelConnection,
  type TunnelProvider,
} from '../tunnel-provider'
import { SocketPool, type Connect } from './localtunnel-sockets'

/**
 * A localtunnel-compatible server (https://github.com/localtunnel/server), for teams that run
 * their own. The protocol: `GET {server}/?new` (or `/{subdomain}`) answers
 * `{id, port, max_conn_count, url}`; the client keeps up to `max_conn_count` TCP sockets open to
 * the server's `port`, and the server writes each public request for `url` onto one of them.
 *
 * Why our own client rather than an npm package: `localtunnel` 2.0.2 pins axios 0.21, retries
 * an unreachable server every second forever, and its Host-rewriting transform turns the first
 * chunk of each connection into a string, which replaces non-UTF-8 body bytes with U+FFFD.
 * The maintained forks checked (`@n8n/localtunnel` 3.0.0, `@chromaui/localtunnel` 2.0.4) carry
 * the same transform unchanged. The protocol is small; `SocketPool` pipes bytes untouched.
 *
 * Note for teams: the protocol's sockets between server and laptop are plain TCP, as they are
 * with the original client; run the server where that leg stays on a network you trust.
 */

export interface LocaltunnelSettings {
  serverUrl: string
  subdomain?: string
}

export interface LocaltunnelDeps {
  /** Asks the server for a tunnel; tests pass one that resolves no names. */
  http?: HttpClient
  connect?: Connect
  timers?: Timers
  requestTimeoutMs?: number
}

interface TunnelGrant {
  id: string
  port: number
  max_conn_count?: number
  url: string
  /** Some servers name the address to connect to, when it differs from the server URL's host. */
  ip?: string
}

/** The server decides how many sockets; more than this is a misconfigured server. */
const MAX_SOCKETS = 10

function isGrant(body: unknown): body is TunnelGrant {
  if (!body || typeof body !== 'object') return false
  const grant = body as Record<string, unknown>
  return (
    typeof grant.id === 'string' &&
    typeof grant.url === 'string' &&
    Number.isInteger(grant.port) &&
    (grant.port as number) > 0 &&
    (grant.port as number) < 65_536
  )
}

async function requestTunnel(
  http: HttpClient,
  settings: LocaltunnelSettings,
  label: string,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<TunnelGrant> {
  const base = settings.serverUrl.replace(/\/+$/, '')
  const url = settings.subdomain
    ? `${base}/${encodeURIComponent(settings.subdomain)}`
    : `${base}/?new`
  const outcome = await http.send({
    method: 'GET',
    url,
    headers: [['accept', 'application/json']],
    timeoutMs,
    signal,
  })
  if (outcome.kind === 'failed') {
    if (signal.aborted) throw new TunnelError('The tunnel was stopped.', false)
    throw new TunnelError(`${label} could not be reached: ${outcome.failure.message}`, true)
  }
  let body: unknown
  try {
    body = JSON.parse(outcome.body.toString('utf8'))
  } catch {
    body = undefined
  }
  if (outcome.status !== 200) {
    const said = (body as { message?: unknown } | undefined)?.message
    const detail = typeof said === 'string' ? said : `HTTP ${outcome.status}`
    // 4xx: the server refuses this request (a subdomain in use or malformed); retrying repeats it.
    const retryable = outcome.status >= 500 || outcome.status === 429
    throw new TunnelError(`${label} refused a tunnel: ${detail}`, retryable)
  }
  if (!isGrant(body)) {
    throw new TunnelError(
      `${label} answered, but not as a localtunnel server does (expected JSON with id, port and url). Check the server URL.`,
      false,
    )
  }
  return body
}

export function localtunnelProvider(
  settings: LocaltunnelSettings,
  deps: LocaltunnelDeps = {},
): TunnelProvider {
  const label = `the localtunnel server at ${settings.serverUrl.replace(/\/+$/, '')}`
  const timers = deps.timers ?? nodeTimers
  return {
    transport: 'localtunnel',
    label,
    async connect({ localPort, signal }: ConnectRequest): Promise<TunnelConnection> {
      const grant = await requestTunnel(
        deps.http ?? createHttpClient(),
        settings,
        label,
        signal,
        deps.requestTimeoutMs ?? 10_000,
      )
      const { lost, lose } = lostSignal()
      const pool = new SocketPool({
        remoteHost: grant.ip ?? new URL(settings.serverUrl).hostname,
        remotePort: grant.port,
        size: Math.max(1, Math.min(MAX_SOCKETS, grant.max_conn_count ?? 1)),
        localPort,
        label,
        timers,
        ...(deps.connect ? { connect: deps.connect } : {}),
        onLost: lose,
      })
      await pool.open()
      if (signal.aborted) {
        await pool.close(1_000)
        throw new TunnelError('The tunnel was stopped.', false)
      }
      return {
        publicUrl: grant.url.replace(/\/+$/, ''),
        lost,
        close: (deadlineMs) => pool.close(deadlineMs),
      }
    },
  }
}
