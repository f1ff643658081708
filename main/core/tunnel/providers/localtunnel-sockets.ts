import { connect as netConnect, type NetConnectOpts, type Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import { TunnelError } from '../tunnel-provider'
import { pause, type Timers } from '../timers'

export type Connect = (options: NetConnectOpts) => Socket

export interface SocketPoolOptions {
  /** The tunnel server's host and the port it assigned to this tunnel. */
  remoteHost: string
  remotePort: number
  /** How many sockets the server accepts for this tunnel (its `max_conn_count`). */
  size: number
  localPort: number
  /** Shown in messages, e.g. "the localtunnel server at https://lt.example.com". */
  label: string
  connect?: Connect
  timers: Timers
  connectTimeoutMs?: number
  /** A monotonic clock in ms. */
  monotonic?: () => number
  /** Called once, when a socket cannot be reopened: the server dropped this tunnel. */
  onLost: (error: TunnelError) => void
}

/** A socket that closed sooner than this without carrying anything is reopened after a pause. */
const SHORT_LIVED_MS = 1_000
const REOPEN_PAUSE_MS = 500

/** What the server gets when a request arrives and the receiver is not listening. */
function badGateway(localPort: number): string {
  const text = `Bridgebench's receiver is not listening on 127.0.0.1:${localPort}.\n`
  return `HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`
}

/**
 * The client half of the localtunnel protocol: `size` TCP sockets held open to the server; the
 * server writes each public request onto one of them, and it is piped byte for byte to a fresh
 * connection to the receiver (no parsing, no Host rewrite, no text decoding, so signatures over
 * the raw body still verify). Each socket is reopened when it closes; when one cannot be
 * reopened the server no longer knows this tunnel, and `onLost` says so.
 */
export class SocketPool {
  private readonly sockets = new Set<Socket>()
  private readonly connect: Connect
  private readonly monotonic: () => number
  private closing = false
  private lostReported = false

  constructor(private readonly options: SocketPoolOptions) {
    this.connect = options.connect ?? netConnect
    this.monotonic = options.monotonic ?? (() => performance.now())
  }

  /** Opens every socket; rejects (and closes those that opened) if any cannot be opened. */
  async open(): Promise<void> {
    const opening = Array.from({ length: this.options.size }, () => this.openOne())
    const results = await Promise.allSettled(opening)
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    if (failed) {
      this.destroyAll()
      throw failed.reason
    }
  }

  /** Ends every socket (soft), destroys what is left at the deadline. */
  async close(deadlineMs: number): Promise<void> {
    this.closing = true
    const open = [...this.sockets]
    const closed = open.map((s) => new Promise<void>((resolve) => s.once('close', () => resolve())))
    for (const socket of open) socket.end()
    const giveUp = new AbortController()
    await Promise.race([Promise.all(closed), pause(this.options.timers, deadlineMs, giveUp.signal)])
    giveUp.abort()
    this.destroyAll()
  }

  get openSockets(): number {
    return this.sockets.size
  }

  private destroyAll(): void {
    this.closing = true
    for (const socket of this.sockets) socket.destroy()
    this.sockets.clear()
  }

  private openOne(): Promise<void> {
    const { remoteHost, remotePort, label } = this.options
    return new Promise<void>((resolve, reject) => {
      const remote = this.connect({ host: remoteHost, port: remotePort })
      const openedAt = this.monotonic()
      let carried = false
      remote.setTimeout(this.options.connectTimeoutMs ?? 10_000, () =>
        remote.destroy(Object.assign(new Error('connect timed out'), { code: 'ETIMEDOUT' })),
      )
      remote.once('connect', () => {
        remote.setTimeout(0)
        // Keepalive probes notice a peer that vanished (sleep, network change) without a FIN.
        remote.setKeepAlive(true, 10_000)
        remote.setNoDelay(true)
        this.sockets.add(remote)
        resolve()
      })
      remote.on('error', (error: NodeJS.ErrnoException) => {
        if (!this.sockets.has(remote)) {
          reject(
            new TunnelError(
              `${label} did not accept the tunnel's connection to ${remoteHost}:${remotePort} (${error.code ?? error.message}).`,
              true,
              { cause: error },
            ),
          )
        }
      })
      remote.once('data', (first: Buffer) => {
        carried = true
        this.pipeToReceiver(remote, first)
      })
      remote.once('close', () => {
        if (!this.sockets.delete(remote) || this.closing) return
        const shortLived = !carried && this.monotonic() - openedAt < SHORT_LIVED_MS
        void this.reopen(shortLived ? REOPEN_PAUSE_MS : 0)
      })
    })
  }

  private async reopen(afterMs: number): Promise<void> {
    if (afterMs > 0) await pause(this.options.timers, afterMs)
    if (this.closing) return
    try {
      await this.openOne()
    } catch (error) {
      if (this.closing || this.lostReported) return
      this.lostReported = true
      const reason = error instanceof Error ? error.message : String(error)
      this.options.onLost(
        new TunnelError(`${reason} The server restarted or dropped this tunnel.`, true),
      )
    }
  }

  /**
   * Connects to the receiver only when a request arrives (an idle connection would be closed by
   * the receiver's header timeout and churn for nothing), and ties the two sockets' lives
   * together as a transparent proxy does.
   */
  private pipeToReceiver(remote: Socket, first: Buffer): void {
    remote.pause()
    const local = this.connect({ host: '127.0.0.1', port: this.options.localPort })
    local.setNoDelay(true)
    let connected = false
    local.once('connect', () => (connected = true))
    local.on('error', () => {
      if (!connected) remote.end(badGateway(this.options.localPort))
      else remote.destroy()
    })
    remote.once('close', () => local.destroy())
    local.write(first)
    remote.pipe(local)
    local.pipe(remote)
  }
}
