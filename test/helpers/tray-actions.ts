import { vi } from 'vitest'
import type { TrayActions } from '../../main/desktop/tray-menu'

/** Every tray action as a spy, for menus built in tests. */
export function trayActions() {
  return {
    open: vi.fn<() => void>(),
    quit: vi.fn<() => void>(),
    firePreset: vi.fn<(id: string) => void>(),
    startReceiver: vi.fn<() => void>(),
    stopReceiver: vi.fn<() => void>(),
    copyPublicUrl: vi.fn<(url: string) => void>(),
    openCapture: vi.fn<(id: string) => void>(),
  } satisfies TrayActions
}
