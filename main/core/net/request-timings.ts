import type { ClientRequest } from 'node:http'
import type { Socket } from 'node:net'
import type { TimingPhases } from '../../../shared/contract/raw-http'

type Mark = 'socket' | 'lookup' | 'connect' | 'secureConnect' | 'sent' | 'response' | 'end'

/**
 * Times one request from its socket's events, on the monotonic clock (`performance.now()`), so
 * a wall-clock change mid-request cannot produce a negative phase.
 */
export class RequestTimings {
  private readonly started = performance.now()
  private readonly marks: Partial<Record<Mark, number>> = {}

  /** Listens for the socket phases (lookup, connect, TLS) and the request being fully sent. */
  watch(request: ClientRequest): void {
    request.once('socket', (socket: Socket) => {
      this.mark('socket')
      socket.once('lookup', () => this.mark('lookup'))
      socket.once('connect', () => this.mark('connect'))
      socket.once('secureConnect', () => this.mark('secureConnect'))
    })
    request.once('finish', () => this.mark('sent'))
  }

  /** Records a moment once; later calls for the same mark are ignored. */
  mark(name: Mark): void {
    this.marks[name] ??= performance.now() - this.started
  }

  /** Milliseconds from the start to a mark, or undefined when it did not happen. */
  at(name: Mark): number | undefined {
    return this.marks[name]
  }

  /**
   * The phases as durations: DNS (socket → lookup), connect (→ TCP connected), TLS (→ handshake
   * done), first byte (request sent → status line) and total (start → now, or the end).
   */
  phases(): TimingPhases {
    const m = this.marks
    const phases: TimingPhases = {
      total: round(m.end ?? performance.now() - this.started),
    }
    if (m.lookup !== undefined && m.socket !== undefined) phases.dns = round(m.lookup - m.socket)
    const connectFrom = m.lookup ?? m.socket
    if (m.connect !== undefined && connectFrom !== undefined)
      phases.connect = round(m.connect - connectFrom)
    if (m.secureConnect !== undefined && m.connect !== undefined)
      phases.tls = round(m.secureConnect - m.connect)
    if (m.response !== undefined && m.sent !== undefined)
      phases.firstByte = round(Math.max(0, m.response - m.sent))
    return phases
  }
}

/** Microsecond precision is plenty and keeps records short. */
function round(ms: number): number {
  return Math.max(0, Math.round(ms * 1000) / 1000)
}
