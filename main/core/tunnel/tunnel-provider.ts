import type { TunnelTransport } from '../../../shared/contract/tunnel'

/**
 * A failure to open or keep a tunnel, worded for the person who must fix it. `retryable` says
 * whether reconnecting later can help (the network is down) or the user must act first (a
 * rejected token, a missing program, a domain the account does not own).
 */
export class TunnelError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'TunnelError'
  }
}

/** One open tunnel: its public URL, how it ends by itself, and how to close it. */
export interface TunnelConnection {
  /** Where the internet reaches the receiver, without a trailing slash. */
  readonly publicUrl: string
  /**
   * Settles (never rejects) when the tunnel stops working by itself: the process exited, the
   * server dropped the sockets, the provider's session closed. Not settled by `close()`.
   */
  readonly lost: Promise<TunnelError>
  /**
   * For providers that reconnect by themselves (ngrok's session): tells when the tunnel is down
   * and when it is back, so the service reports the gap without tearing the tunnel down.
   */
  watch?(events: TunnelInterruptions): void
  /** Stops softly, then forcibly once `deadlineMs` has passed; resolves when it is gone. */
  close(deadlineMs: number): Promise<void>
}

export interface TunnelInterruptions {
  interrupted(reason: string): void
  restored(): void
}

export interface ConnectRequest {
  /** The receiver's port on 127.0.0.1. */
  localPort: number
  /** Aborted when the service stops while this connect is still under way. */
  signal: AbortSignal
}

/**
 * One way to get a public URL. `connect` resolves with an open tunnel or rejects with a
 * `TunnelError`; any other error is treated as retryable and its message shown as is.
 */
export interface TunnelProvider {
  readonly transport: TunnelTransport
  /** Shown in messages: "ngrok", "cloudflared", "the localtunnel server at …". */
  readonly label: string
  /**
   * True when only a passing self-test proves the URL works (a custom URL has no process that
   * could say so); the service then reports `online` only after one.
   */
  readonly needsSelfTestToGoOnline?: boolean
  connect(request: ConnectRequest): Promise<TunnelConnection>
}

/** A promise and the function that settles it, for `lost`. */
export function lostSignal(): { lost: Promise<TunnelError>; lose: (error: TunnelError) => void } {
  let lose: (error: TunnelError) => void = () => undefined
  const lost = new Promise<TunnelError>((resolve) => (lose = resolve))
  return { lost, lose }
}
