import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestEngine } from '../../../helpers/engine'
import { electronMock } from '../../../helpers/electron-mock'
import { useTempDir } from '../../../helpers/temp-dir'
import { trayActions } from '../../../helpers/tray-actions'

vi.mock('electron', () => electronMock())
const electron = await import('electron')
const { createTray, trayIconFile } = await import('../../../../main/desktop/tray')

interface FakeTray {
  menu: { template: Array<{ label?: string; submenu?: Array<{ label?: string }> }> }
  tooltip: string
  destroy: () => void
}
const trays = (electron.Tray as unknown as { instances: FakeTray[] }).instances

describe('tray', () => {
  const tempDir = useTempDir()
  beforeEach(() => {
    trays.length = 0
    vi.clearAllMocks()
  })

  it('uses a template image on macOS so the menu bar can tint it', () => {
    expect(trayIconFile('/icons', 'darwin')).toBe('/icons/trayTemplate.png')
    expect(trayIconFile('/icons', 'linux')).toBe('/icons/tray.png')
  })

  it('marks the macOS image as a template', async () => {
    const engine = await createTestEngine(tempDir())
    const tray = createTray(engine, {
      iconDir: '/icons',
      platform: 'darwin',
      actions: trayActions(),
    })
    const image = vi.mocked(electron.nativeImage.createFromPath).mock.results[0]?.value as {
      setTemplateImage: ReturnType<typeof vi.fn>
    }
    expect(image.setTemplateImage).toHaveBeenCalledWith(true)
    tray.destroy()
  })

  it('rebuilds its menu from engine state when a service changes', async () => {
    const engine = await createTestEngine(tempDir())
    const tray = createTray(engine, {
      iconDir: '/icons',
      platform: 'linux',
      actions: trayActions(),
    })
    const fake = trays[0] as FakeTray
    expect(fake.menu.template.map((i) => i.label)).toContain('Profile: Sandbox')
    engine.services.set({ id: 'receiver', label: 'Receiver', state: 'running', detail: ':8787' })
    await vi.waitFor(() =>
      expect(fake.menu.template.map((i) => i.label)).toContain('● Receiver — :8787'),
    )
    expect(fake.tooltip).toBe('Bridgebench — Sandbox')
    tray.destroy()
    expect(engine.events.listenerCount()).toBe(0)
  })

  it('lists a new capture under Recent captures once it is stored', async () => {
    const engine = await createTestEngine(tempDir())
    engine.inbox.updateSettings({ port: 0 })
    const tray = createTray(engine, {
      iconDir: '/icons',
      platform: 'linux',
      actions: trayActions(),
    })
    const fake = trays[0] as FakeTray
    const recent = () =>
      fake.menu.template.find((item) => item.label === 'Recent captures')?.submenu ?? []
    expect(recent().map((item) => item.label)).toEqual(['Nothing captured yet'])
    const receiver = await engine.inbox.start()
    await fetch(`${receiver.url}/hooks/braze`, { method: 'POST', body: '{"ticket": 1}' })
    await vi.waitFor(() =>
      expect(recent().map((item) => item.label)).toEqual([
        expect.stringMatching(/POST \/hooks\/braze — missing$/),
      ]),
    )
    tray.destroy()
    await engine.close()
  })
})
