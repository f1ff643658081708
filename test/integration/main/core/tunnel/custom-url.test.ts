import { afterEach, describe, expect, it } from 'vitest'
import { ManagedService } from '../../../../../main/core/events/managed-service'
import { ServiceBoard } from '../../../../../main/core/events/service-board'
import { providerFactory } from '../../../../../main/core/tunnel/create-tunnel-provider'
import { tunnelServiceSpec } from '../../../../../main/core/tunnel/tunnel-service-spec'
import {
  TunnelService,
  type TunnelServiceDeps,
} from '../../../../../main/core/tunnel/tunnel-service'
import { startDroppingProxy } from '../../../../helpers/dropping-proxy'
import { startScriptedServer } from '../../../../helpers/scripted-server'
import { startStandInReceiver } from '../../../../helpers/stand-in-receiver'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function receiverBehindProxy() {
  const receiver = await startStandInReceiver()
  cleanups.push(receiver.close)
  const proxy = await startDroppingProxy(receiver.url, 0)
  cleanups.push(proxy.close)
  const deps: TunnelServiceDeps = {
    createProvider: providerFactory(),
    selfTest: { awaitArrival: receiver.awaitArrival, intervalMs: 0, timeoutMs: 1_500 },
  }
  return { receiver, proxy, deps }
}

async function startBehindProxy() {
  const { receiver, proxy, deps } = await receiverBehindProxy()
  const tunnel = new TunnelService(deps)
  cleanups.push(() => tunnel.close())
  const online = await tunnel.start({
    localPort: receiver.port,
    choice: { provider: 'custom', publicUrl: proxy.url },
  })
  return { receiver, proxy, online }
}

describe('custom public URL (the user’s own reverse proxy)', () => {
  it('comes online once a self-test passes through the proxy', async () => {
    const { proxy, online } = await startBehindProxy()
    expect(online.publicUrl).toBe(proxy.url)
    expect(online.lastSelfTest).toMatchObject({ ok: true, status: 200 })
  })

  it('reports what the proxy changed on the way', async () => {
    const { receiver, proxy, online } = await startBehindProxy()
    expect(online.lastSelfTest?.summary).toEqual([
      expect.stringMatching(/^Round trip [\d.]+ ms through 127\.0\.0\.1:\d+\.$/),
      expect.stringMatching(/^Body arrived byte for byte/),
      `Host rewritten: ${new URL(proxy.url).host} → ${new URL(receiver.url).host}.`,
      expect.stringMatching(/^Header case changed: Host → host, User-Agent → user-agent/),
      'Repeated headers merged: X-Bridgebench-Repeat (2 lines → 1).',
    ])
  })

  it('stays out of online when the URL answers but never reaches the receiver', async () => {
    const { receiver, deps } = await receiverBehindProxy()
    const elsewhere = await startScriptedServer(() => ({ status: 200, body: 'a parked domain' }))
    cleanups.push(elsewhere.close)
    const tunnel = new TunnelService(deps)
    const started = tunnel.start({
      localPort: receiver.port,
      choice: { provider: 'custom', publicUrl: elsewhere.url },
    })
    await expect(started).rejects.toThrow(
      `${elsewhere.url} answered HTTP 200, but the probe never reached this machine's receiver.`,
    )
    expect(tunnel.status).toMatchObject({ state: 'error', transport: 'custom', retryable: true })
  })

  it('runs as a managed service: its URL on the board, stopped cleanly', async () => {
    const { receiver, proxy, deps } = await receiverBehindProxy()
    const board = new ServiceBoard(() => undefined)
    const service = new ManagedService(
      board,
      tunnelServiceSpec(deps, () => ({
        localPort: receiver.port,
        choice: { provider: 'custom', publicUrl: proxy.url },
      })),
    )
    const tunnel = await service.ensure()
    expect(board.list()).toEqual([
      { id: 'tunnel', label: 'Tunnel', state: 'running', detail: proxy.url },
    ])
    await service.stop()
    expect(tunnel.status.state).toBe('stopped')
    expect(board.list()[0]).toMatchObject({ state: 'stopped' })
  })

  it('shows why a managed tunnel could not start', async () => {
    const { receiver, deps } = await receiverBehindProxy()
    const board = new ServiceBoard(() => undefined)
    const service = new ManagedService(
      board,
      tunnelServiceSpec(deps, () => ({
        localPort: receiver.port,
        choice: { provider: 'custom', publicUrl: 'http://127.0.0.1:9' },
      })),
    )
    await expect(service.ensure()).rejects.toThrow(/^Tunnel could not start: /)
    expect(board.list()[0]).toMatchObject({
      state: 'error',
      detail: expect.stringMatching(
        /did not reach this machine: 127\.0\.0\.1:9 refused the connection/,
      ),
    })
  })
})
