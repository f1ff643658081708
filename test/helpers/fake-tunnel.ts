import type { Arrival } from '../../main/core/tunnel/tunnel-changes'
import type { ProbeAnswer, ProbeRequest } from '../../main/core/tunnel/probe-request'
import {
  TunnelError,
  lostSignal,
  type TunnelConnection,
  type TunnelInterruptions,
  type TunnelProvider,
} from '../../main/core/tunnel/tunnel-provider'

export interface FakeConnection extends TunnelConnection {
  lose(error: TunnelError): void
  interruptions: TunnelInterruptions | undefined
  closedWith: number[]
}

/**
 * A provider that answers each connect with the next scripted outcome: a URL (a connection the
 * test can lose or interrupt) or an error. Records every connection it handed out.
 */
export function scriptedProvider(
  outcomes: (string | TunnelError)[],
  extra: Partial<Pick<TunnelProvider, 'needsSelfTestToGoOnline' | 'transport'>> & {
    /** How long closing takes, e.g. a process draining before it exits. */
    closing?: () => Promise<void>
  } = {},
) {
  const connections: FakeConnection[] = []
  let calls = 0
  const provider: TunnelProvider = {
    transport: extra.transport ?? 'localtunnel',
    label: 'the fake tunnel',
    ...(extra.needsSelfTestToGoOnline ? { needsSelfTestToGoOnline: true } : {}),
    connect: () => {
      const outcome = outcomes[Math.min(calls++, outcomes.length - 1)] as string | TunnelError
      if (outcome instanceof TunnelError) return Promise.reject(outcome)
      const { lost, lose } = lostSignal()
      const connection: FakeConnection = {
        publicUrl: outcome,
        lost,
        lose,
        interruptions: undefined,
        closedWith: [],
        watch: (events) => (connection.interruptions = events),
        close: (deadline) => {
          connection.closedWith.push(deadline)
          return extra.closing?.() ?? Promise.resolve()
        },
      }
      connections.push(connection)
      return Promise.resolve(connection)
    },
  }
  return { provider, connections, calls: () => calls }
}

/**
 * A public URL that reaches (or, once `reachable` is false, no longer reaches) a receiver: its
 * sender hands the probe straight to the self-test hook, unchanged.
 */
export function fakeReachableUrl() {
  const waiting = new Map<string, { resolve: (a: Arrival) => void; reject: (e: Error) => void }>()
  const state = { reachable: true, probes: 0 }
  return {
    state,
    awaitArrival: (nonce: string) =>
      new Promise<Arrival>((resolve, reject) => waiting.set(nonce, { resolve, reject })),
    send: (probe: ProbeRequest): Promise<ProbeAnswer> => {
      state.probes++
      const nonce = probe.url.split('/').pop() as string
      const waiter = waiting.get(nonce)
      waiting.delete(nonce)
      if (!state.reachable) {
        waiter?.reject(new Error('never arrived'))
        return Promise.reject(
          Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
        )
      }
      const url = new URL(probe.url)
      waiter?.resolve({
        method: probe.method,
        path: url.pathname,
        rawHeaders: probe.rawHeaders,
        body: probe.body,
        remoteAddress: '127.0.0.1',
      })
      return Promise.resolve({ status: 200, body: Buffer.from('ok') })
    },
  }
}
