import { describe, expect, it } from 'vitest'
import { tunnelStatus, type TunnelStatus } from '../../../../../shared/contract/tunnel'
import { TunnelError } from '../../../../../main/core/tunnel/tunnel-provider'
import {
  TunnelService,
  type TunnelServiceDeps,
} from '../../../../../main/core/tunnel/tunnel-service'
import { fakeReachableUrl, scriptedProvider } from '../../../../helpers/fake-tunnel'
import { ManualTimers, settle } from '../../../../helpers/manual-timers'

const CHOICE = { provider: 'localtunnel', serverUrl: 'http://127.0.0.1:1' } as const

function makeService(
  outcomes: (string | TunnelError)[],
  deps: Partial<TunnelServiceDeps> = {},
  extra: Parameters<typeof scriptedProvider>[1] = {},
) {
  const timers = new ManualTimers()
  const fake = scriptedProvider(outcomes, extra)
  const logs: string[] = []
  const service = new TunnelService({
    createProvider: () => fake.provider,
    timers,
    now: timers.now,
    backoff: { initialMs: 100, maxMs: 400, random: () => 1 },
    log: (line) => logs.push(line),
    ...deps,
  })
  const seen: TunnelStatus[] = []
  service.onStatus((status) => seen.push(status))
  return { service, timers, fake, seen, logs }
}

const states = (seen: TunnelStatus[]) => seen.map((s) => s.state)

describe('TunnelService', () => {
  it('reports connecting, then online with the public URL', async () => {
    const { service, seen } = makeService(['https://a.example'])
    const online = await service.start({ localPort: 8787, choice: CHOICE })
    expect(online.publicUrl).toBe('https://a.example')
    expect(states(seen)).toEqual(['connecting', 'online'])
  })

  it('rejects a failed first connect and stays in error without retrying', async () => {
    const { service, timers } = makeService([new TunnelError('server says no', false)])
    await expect(service.start({ localPort: 8787, choice: CHOICE })).rejects.toThrow(
      'server says no',
    )
    expect(service.status).toMatchObject({ state: 'error', reason: 'server says no' })
    expect(timers.waiting()).toEqual([])
  })

  it('reconnects after a drop: error with the retry time, connecting, online', async () => {
    const { service, seen, fake, timers } = makeService(['https://a.example', 'https://b.example'])
    await service.start({ localPort: 8787, choice: CHOICE })
    seen.length = 0
    fake.connections[0]?.lose(new TunnelError('socket closed', true))
    await settle()
    expect(seen[0]).toMatchObject({
      state: 'error',
      reason: 'socket closed',
      retryable: true,
      publicUrl: 'https://a.example',
      retryAt: new Date(timers.wall + 100).toISOString(),
    })
    await timers.advance(100)
    expect(states(seen)).toEqual(['error', 'connecting', 'online'])
    expect(service.status).toMatchObject({ state: 'online', publicUrl: 'https://b.example' })
  })

  it('closes the dropped connection before reconnecting', async () => {
    const { service, fake } = makeService(['https://a.example', 'https://b.example'])
    await service.start({ localPort: 8787, choice: CHOICE })
    fake.connections[0]?.lose(new TunnelError('socket closed', true))
    await settle()
    expect(fake.connections[0]?.closedWith).toEqual([3_000])
  })

  it('waits twice as long after each failed reconnect, up to the cap', async () => {
    const down = new TunnelError('server unreachable', true)
    const { service, fake, timers, seen } = makeService(['https://a.example', down])
    await service.start({ localPort: 8787, choice: CHOICE })
    fake.connections[0]?.lose(down)
    const delays: number[] = []
    for (let i = 0; i < 5; i++) {
      await settle()
      const [delay] = timers.waiting()
      delays.push(delay as number)
      await timers.advance(delay as number)
    }
    expect(delays).toEqual([100, 200, 400, 400, 400])
    expect(seen.at(-1)).toMatchObject({ state: 'error', retryable: true })
  })

  it('reports the drop at once, while the dropped tunnel is still closing', async () => {
    let release = () => undefined as void
    const { service, fake, timers } = makeService(
      ['https://a.example', 'https://b.example'],
      {},
      { closing: () => new Promise<void>((resolve) => (release = resolve)) },
    )
    await service.start({ localPort: 8787, choice: CHOICE })
    fake.connections[0]?.lose(new TunnelError('socket closed', true))
    await timers.advance(1_000)
    expect(service.status).toMatchObject({ state: 'error', reason: 'socket closed' })
    expect(fake.calls()).toBe(1)
    release()
    await timers.advance(0)
    expect(service.status).toMatchObject({ state: 'online', publicUrl: 'https://b.example' })
  })

  it('waits on stop for a dropped tunnel that is still closing', async () => {
    let release = () => undefined as void
    const { service, fake } = makeService(
      ['https://a.example', 'https://b.example'],
      {},
      {
        closing: () => new Promise<void>((resolve) => (release = resolve)),
      },
    )
    await service.start({ localPort: 8787, choice: CHOICE })
    fake.connections[0]?.lose(new TunnelError('socket closed', true))
    await settle()
    let stopped = false
    const stopping = service.close().then(() => (stopped = true))
    await settle()
    expect(stopped).toBe(false)
    release()
    await stopping
    expect(service.status.state).toBe('stopped')
  })

  it('reconnects once when a drop and a failed self-test report the same failure', async () => {
    const url = fakeReachableUrl()
    const { service, fake, timers } = makeService(['https://a.example', 'https://b.example'], {
      selfTest: { awaitArrival: url.awaitArrival, send: url.send, timeoutMs: 1_000 },
    })
    await service.start({ localPort: 8787, choice: CHOICE })
    await settle()
    url.state.reachable = false
    fake.connections[0]?.lose(new TunnelError('socket closed', true))
    void service.selfTestNow().catch(() => undefined)
    await settle()
    url.state.reachable = true
    await timers.advance(10_000)
    expect(fake.calls()).toBe(2)
    expect(service.status).toMatchObject({ state: 'online', publicUrl: 'https://b.example' })
  })

  it('publishes only statuses the contract schema accepts', async () => {
    const url = fakeReachableUrl()
    const { service, fake, seen, timers } = makeService(
      ['https://a.example', 'https://b.example'],
      {
        selfTest: { awaitArrival: url.awaitArrival, send: url.send, timeoutMs: 1_000 },
      },
    )
    await service.start({ localPort: 8787, choice: CHOICE })
    fake.connections[0]?.lose(new TunnelError('socket closed', true))
    await timers.advance(100)
    await service.close()
    expect(new Set(states(seen))).toEqual(new Set(['connecting', 'online', 'error', 'stopped']))
    for (const status of seen) expect(tunnelStatus.parse(status)).toEqual(status)
  })

  it('stops retrying when the error needs the user to act', async () => {
    const rejected = new TunnelError('token rejected', false)
    const { service, fake, timers } = makeService(['https://a.example', rejected])
    await service.start({ localPort: 8787, choice: CHOICE })
    fake.connections[0]?.lose(new TunnelError('session closed', true))
    await timers.advance(100)
    expect(service.status).toMatchObject({
      state: 'error',
      reason: 'token rejected',
      retryable: false,
    })
    expect(timers.waiting()).toEqual([])
  })

  it('stops the tunnel with the stop deadline and reports stopped', async () => {
    const { service, fake } = makeService(['https://a.example'], { stopDeadlineMs: 1_500 })
    await service.start({ localPort: 8787, choice: CHOICE })
    await service.close()
    expect(fake.connections[0]?.closedWith).toEqual([1_500])
    expect(service.status).toEqual({ state: 'stopped', transport: 'localtunnel' })
  })

  it('cancels a scheduled reconnect when stopped', async () => {
    const { service, fake, timers } = makeService(['https://a.example', 'https://b.example'])
    await service.start({ localPort: 8787, choice: CHOICE })
    fake.connections[0]?.lose(new TunnelError('socket closed', true))
    await settle()
    await service.close()
    await timers.advance(1_000)
    expect(fake.calls()).toBe(1)
    expect(service.status.state).toBe('stopped')
  })

  it('reports a gap the provider is healing itself, and online again when it is back', async () => {
    const { service, fake, seen } = makeService(['https://a.example'])
    await service.start({ localPort: 8787, choice: CHOICE })
    seen.length = 0
    fake.connections[0]?.interruptions?.interrupted('ngrok lost its connection')
    fake.connections[0]?.interruptions?.restored()
    expect(states(seen)).toEqual(['error', 'online'])
    expect(fake.calls()).toBe(1)
  })

  it('reconnects itself when the provider does not heal within the limit', async () => {
    const { service, fake, timers } = makeService(['https://a.example', 'https://b.example'], {
      interruptionLimitMs: 5_000,
    })
    await service.start({ localPort: 8787, choice: CHOICE })
    fake.connections[0]?.interruptions?.interrupted('ngrok lost its connection')
    await timers.advance(5_000)
    expect(service.status).toMatchObject({
      state: 'error',
      reason: expect.stringMatching(/did not come back within 5 s/),
    })
    await timers.advance(100)
    expect(service.status).toMatchObject({ state: 'online', publicUrl: 'https://b.example' })
  })

  it('never shows the auth token in a status or a log line', async () => {
    const token = '2abcDEFghiJKLmnoPQRstu_vwxYZ0123456789'
    const leak = new TunnelError(`authentication failed. Your authtoken: ${token}`, true)
    const { service, fake, seen, logs, timers } = makeService(['https://a.example', leak])
    await service.start({ localPort: 8787, choice: CHOICE, authToken: token })
    fake.connections[0]?.lose(new TunnelError(`dropped (token ${token})`, true))
    await timers.advance(100)
    expect(seen.length).toBeGreaterThan(3)
    expect(JSON.stringify(seen)).not.toContain(token)
    expect(logs.join('\n')).not.toContain(token)
  })
})

describe('TunnelService self-tests', () => {
  function withSelfTest(outcomes: string[], intervalMs = 60_000) {
    const url = fakeReachableUrl()
    const made = makeService(outcomes, {
      selfTest: { awaitArrival: url.awaitArrival, send: url.send, intervalMs, timeoutMs: 1_000 },
    })
    return { ...made, url }
  }

  it('proves the public URL right after coming online', async () => {
    const { service, url } = withSelfTest(['https://a.example'])
    await service.start({ localPort: 8787, choice: CHOICE })
    await settle()
    expect(url.state.probes).toBe(1)
    expect(service.status).toMatchObject({ state: 'online', lastSelfTest: { ok: true } })
  })

  it('turns a failed periodic self-test into an error and a reconnect', async () => {
    const { service, url, timers, seen } = withSelfTest(['https://a.example', 'https://b.example'])
    await service.start({ localPort: 8787, choice: CHOICE })
    await settle()
    url.state.reachable = false
    seen.length = 0
    await timers.advance(60_000)
    expect(seen[0]).toMatchObject({
      state: 'error',
      retryable: true,
      reason: expect.stringMatching(/^The public URL stopped reaching this machine: /),
      lastSelfTest: { ok: false },
    })
    url.state.reachable = true
    await timers.advance(100)
    expect(states(seen)).toEqual(['error', 'connecting', 'online', 'online'])
    expect(service.status).toMatchObject({
      publicUrl: 'https://b.example',
      lastSelfTest: { ok: true },
    })
  })

  it('backs off further while each reconnect connects but does not deliver', async () => {
    const { service, url, timers } = withSelfTest(['https://a.example'])
    await service.start({ localPort: 8787, choice: CHOICE })
    await settle()
    url.state.reachable = false
    await timers.advance(60_000)
    const delays: number[] = []
    for (let i = 0; i < 4; i++) {
      const [delay] = timers.waiting()
      delays.push(delay as number)
      await timers.advance(delay as number)
    }
    expect(delays).toEqual([100, 200, 400, 400])
  })

  it('self-tests at once when the wall clock shows the machine slept', async () => {
    const { service, url, timers } = withSelfTest(['https://a.example'], 0)
    await service.start({ localPort: 8787, choice: CHOICE })
    await settle()
    const before = url.state.probes
    timers.wall += 30 * 60_000
    await timers.advance(5_000)
    expect(url.state.probes).toBe(before + 1)
  })

  it('does not self-test on a steady clock while the periodic test is off', async () => {
    const { service, url, timers } = withSelfTest(['https://a.example'], 0)
    await service.start({ localPort: 8787, choice: CHOICE })
    await settle()
    await timers.advance(10 * 60_000)
    expect(url.state.probes).toBe(1)
  })

  it('brings a custom URL online only after a self-test passes through it', async () => {
    const url = fakeReachableUrl()
    const { service, seen } = makeService(
      ['https://proxy.example'],
      { selfTest: { awaitArrival: url.awaitArrival, send: url.send, timeoutMs: 1_000 } },
      { needsSelfTestToGoOnline: true, transport: 'custom' },
    )
    const online = await service.start({ localPort: 8787, choice: CHOICE })
    expect(url.state.probes).toBe(1)
    expect(online.lastSelfTest?.ok).toBe(true)
    expect(states(seen)).toEqual(['connecting', 'online'])
  })

  it('keeps a custom URL out of online when the self-test fails', async () => {
    const url = fakeReachableUrl()
    url.state.reachable = false
    const { service } = makeService(
      ['https://proxy.example'],
      { selfTest: { awaitArrival: url.awaitArrival, send: url.send, timeoutMs: 1_000 } },
      { needsSelfTestToGoOnline: true, transport: 'custom' },
    )
    await expect(service.start({ localPort: 8787, choice: CHOICE })).rejects.toThrow(
      /did not reach this machine/,
    )
    expect(service.status).toMatchObject({ state: 'error', transport: 'custom' })
  })

  it('cannot confirm a custom URL without the receiver', async () => {
    const { service } = makeService(
      ['https://proxy.example'],
      {},
      {
        needsSelfTestToGoOnline: true,
        transport: 'custom',
      },
    )
    await expect(service.start({ localPort: 8787, choice: CHOICE })).rejects.toThrow(
      /receiver is not running/,
    )
  })
})
