import { Notification, shell } from 'electron'
import type { Engine } from '../core/engine'
import { firePreset } from '../core/presets/fire-preset'
import { retryWaitText } from '../../shared/http/retry-wait'

/**
 * Fires a preset from the tray, where there may be no window to show progress: the outcome
 * goes to the status bar (engine notice) and to a system notification that opens the ticket.
 */
export async function firePresetFromTray(engine: Engine, presetId: string): Promise<void> {
  try {
    for await (const event of firePreset(engine, presetId)) {
      if (event.type === 'waiting')
        engine.notify('info', retryWaitText(event.reason, event.seconds))
      if (event.type === 'not-sent') announce(engine, 'error', 'Preset not sent', event.message)
      if (event.type === 'result') {
        const { result } = event
        announce(
          engine,
          result.ok ? 'info' : 'error',
          result.ok ? `Ticket #${result.ticketId} created` : 'Zendesk refused the ticket',
          result.message,
          result.agentUrl,
        )
      }
    }
  } catch (error) {
    announce(
      engine,
      'error',
      'Preset failed',
      error instanceof Error ? error.message : String(error),
    )
  }
}

function announce(
  engine: Engine,
  level: 'info' | 'error',
  title: string,
  body: string,
  url?: string,
): void {
  engine.notify(level, `${title}: ${body}`)
  if (!Notification.isSupported()) return
  const notification = new Notification({ title, body })
  if (url) notification.on('click', () => void shell.openExternal(url))
  notification.show()
}
