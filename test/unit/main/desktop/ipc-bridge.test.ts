import { MessageChannel } from 'node:worker_threads'
import { createORPCClient } from '@orpc/client'
import { RPCLink } from '@orpc/client/message-port'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '../../../../shared/contract'
import { API_PORT_CHANNEL } from '../../../../shared/desktop-bridge'
import { createTestEngine } from '../../../helpers/engine'
import { electronMock } from '../../../helpers/electron-mock'
import { useTempDir } from '../../../helpers/temp-dir'

vi.mock('electron', () => electronMock())
const electron = await import('electron')
const { installApiBridge, isTrustedSender } = await import('../../../../main/desktop/ipc-bridge')

const APP_URL = 'file:///opt/bridgebench/out/renderer/index.html'
const mainContents = { id: 1 } as never
const otherContents = { id: 2 } as never

describe('isTrustedSender', () => {
  const trusted = { contents: mainContents, appUrl: APP_URL }

  it('accepts the app page in the main window top frame', () => {
    expect(
      isTrustedSender(mainContents, { url: `${APP_URL}#/compose`, parent: null }, trusted),
    ).toBe(true)
  })

  it('refuses another window', () => {
    expect(isTrustedSender(otherContents, { url: APP_URL, parent: null }, trusted)).toBe(false)
  })

  it('refuses a child frame, even of the app page', () => {
    expect(isTrustedSender(mainContents, { url: APP_URL, parent: {} }, trusted)).toBe(false)
  })

  it('refuses a foreign page loaded in the main window', () => {
    expect(
      isTrustedSender(mainContents, { url: 'https://evil.example/', parent: null }, trusted),
    ).toBe(false)
  })

  it('refuses when the frame is gone or the window is closed', () => {
    expect(isTrustedSender(mainContents, null, trusted)).toBe(false)
    expect(
      isTrustedSender(
        mainContents,
        { url: APP_URL, parent: null },
        { ...trusted, contents: undefined },
      ),
    ).toBe(false)
  })
})

describe('installApiBridge', () => {
  const tempDir = useTempDir()
  const channels: MessageChannel[] = []
  afterEach(() => {
    for (const channel of channels.splice(0)) {
      channel.port1.close()
      channel.port2.close()
    }
    vi.clearAllMocks()
  })

  async function bridge() {
    const engine = await createTestEngine(tempDir())
    const refusals: string[] = []
    installApiBridge({
      engine,
      appUrl: APP_URL,
      mainContents: () => mainContents,
      onRefused: (reason) => refusals.push(reason),
    })
    const call = vi
      .mocked(electron.ipcMain.on)
      .mock.calls.find(([name]) => name === API_PORT_CHANNEL)
    const listener = call?.[1] as (event: unknown) => void
    const channel = new MessageChannel()
    channels.push(channel)
    return { engine, refusals, listener, channel }
  }

  it('serves the typed API on a port handed over by the app page', async () => {
    const { listener, channel } = await bridge()
    listener({
      sender: mainContents,
      senderFrame: { url: APP_URL, parent: null },
      ports: [channel.port1],
    })
    channel.port2.start()
    const api: ApiClient = createORPCClient(new RPCLink({ port: channel.port2 }))
    await expect(api.app.info()).resolves.toMatchObject({
      name: 'Bridgebench',
      version: '9.9.9-test',
    })
  })

  it('ignores a port from a child frame and reports the refusal', async () => {
    const { listener, channel, refusals } = await bridge()
    const port = { start: vi.fn(), on: vi.fn(), addEventListener: vi.fn() }
    listener({ sender: mainContents, senderFrame: { url: APP_URL, parent: {} }, ports: [port] })
    expect(port.start).not.toHaveBeenCalled()
    expect(refusals[0]).toMatch(/refused/)
    channel.port1.close()
  })
})
