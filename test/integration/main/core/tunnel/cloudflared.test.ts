import { afterEach, describe, expect, it } from 'vitest'
import {
  cloudflaredProvider,
  CLOUDFLARED_DOWNLOADS,
} from '../../../../../main/core/tunnel/providers/cloudflared-provider'
import type { TunnelConnection } from '../../../../../main/core/tunnel/tunnel-provider'
import { TunnelService } from '../../../../../main/core/tunnel/tunnel-service'
import {
  FAKE_TUNNEL_URL,
  installFakeCloudflared,
  type FakeCloudflaredMode,
} from '../../../../helpers/fake-cloudflared'
import { useTempDir } from '../../../../helpers/temp-dir'

const tempDir = useTempDir('bridgebench-cloudflared-')
const open: TunnelConnection[] = []
afterEach(async () => {
  for (const connection of open.splice(0)) await connection.close(200)
})

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function connect(mode: FakeCloudflaredMode, startTimeoutMs = 5_000) {
  const fake = installFakeCloudflared(tempDir(), mode)
  const lines: string[] = []
  const provider = cloudflaredProvider({
    env: fake.env,
    startTimeoutMs,
    log: (line) => lines.push(line),
  })
  const connecting = provider.connect({ localPort: 4567, signal: new AbortController().signal })
  return { fake, lines, connecting }
}

describe('cloudflared quick tunnels through a stand-in on PATH', () => {
  it('reads the trycloudflare URL from its output once a connection registers', async () => {
    const { connecting } = connect('ok')
    const connection = await connecting
    open.push(connection)
    expect(connection.publicUrl).toBe(FAKE_TUNNEL_URL)
  })

  it('runs a quick tunnel to the receiver on 127.0.0.1', async () => {
    const { connecting, fake } = connect('ok')
    open.push(await connecting)
    expect(fake.args()).toEqual(['tunnel', '--no-autoupdate', '--url', 'http://127.0.0.1:4567'])
  })

  it('stops it softly with SIGTERM', async () => {
    const { connecting, fake } = connect('ok')
    const connection = await connecting
    const started = performance.now()
    await connection.close(2_000)
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(fake.signals()).toEqual(['SIGTERM'])
    expect(isRunning(fake.pid())).toBe(false)
  })

  it('kills it with SIGKILL when it is still running at the deadline', async () => {
    const { connecting, fake } = connect('stubborn')
    const connection = await connecting
    const started = performance.now()
    await connection.close(300)
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
    expect(fake.signals()).toEqual(['SIGTERM'])
    expect(isRunning(fake.pid())).toBe(false)
  })

  it('explains a failure to get a quick tunnel, with its exit code', async () => {
    const { connecting } = connect('fail')
    await expect(connecting).rejects.toThrow(
      /cloudflared exited with code 1 before the tunnel was up\. It could not get a quick tunnel from trycloudflare\.com .*no such host/,
    )
  })

  it('reports a missing cloudflared with where to install it', async () => {
    const provider = cloudflaredProvider({ env: { PATH: tempDir() } })
    const connecting = provider.connect({ localPort: 4567, signal: new AbortController().signal })
    await expect(connecting).rejects.toMatchObject({
      retryable: false,
      message: `cloudflared was not found on PATH. Install cloudflared from ${CLOUDFLARED_DOWNLOADS}, or pick another tunnel.`,
    })
  })

  it('gives up when no URL is printed in time, and stops the process', async () => {
    const { connecting, fake } = connect('silent', 3_000)
    await expect(connecting).rejects.toThrow(/printed no tunnel URL within 3 s/)
    expect(isRunning(fake.pid())).toBe(false)
  })

  it('passes its log lines on', async () => {
    const { connecting, lines } = connect('ok')
    open.push(await connecting)
    expect(lines).toContain(`cloudflared: 2026-11-30T10:00:00Z INF Version 2026.11.0`)
  })

  it('reports the tunnel lost when cloudflared exits after coming up', async () => {
    const { connecting } = connect('exit-later')
    const connection = await connecting
    const lost = await connection.lost
    expect(lost.message).toBe(
      'cloudflared exited with code 1. Its last error: Connection terminated error="context canceled" connIndex=0',
    )
    expect(lost.retryable).toBe(true)
  })

  it('surfaces the failure in the tunnel status', async () => {
    const fake = installFakeCloudflared(tempDir(), 'fail')
    const tunnel = new TunnelService({
      createProvider: () => cloudflaredProvider({ env: fake.env }),
    })
    await expect(
      tunnel.start({ localPort: 4567, choice: { provider: 'cloudflared' } }),
    ).rejects.toThrow()
    expect(tunnel.status).toMatchObject({
      state: 'error',
      transport: 'cloudflared',
      retryable: true,
    })
  })
})
