import { Notification } from 'electron'
import type { Capture } from '../../shared/contract'
import type { Engine } from '../core/engine'

/** A burst of captures (a load test, Zendesk's retries) gives one summary, not a wall of toasts. */
export const NOTIFY_QUIET_MS = 3000

/** `POST /hooks/braze` and what matters about it: the signature, a parse error, our answer. */
export function captureNotice(capture: Capture): { title: string; body: string } {
  const parts = [`signature ${capture.signature.verdict}`]
  if (!capture.parse.ok) parts.push(`${capture.parse.kind.toUpperCase()} parse error`)
  if (capture.answer.status !== null) parts.push(`answered ${capture.answer.status}`)
  const attempt = capture.invocation.attempt
  if (attempt !== null && attempt > 1) parts.push(`attempt ${attempt}`)
  return {
    title: `Captured ${capture.request.method} ${capture.request.url}`,
    body: parts.join(' · '),
  }
}

/**
 * A desktop notification per capture while the Inbox setting "Notify on each capture" is on (off
 * by default). Clicking one opens the capture in the Inbox. Within NOTIFY_QUIET_MS of the last
 * notification, further captures are counted and announced together once the burst is over.
 * Returns a function that stops notifying.
 */
export function notifyCaptures(engine: Engine, openCapture: (id: string) => void): () => void {
  let quietUntil = 0
  let held: Capture[] = []
  let timer: NodeJS.Timeout | undefined

  const show = (title: string, body: string, id: string) => {
    if (!Notification.isSupported()) return
    const notification = new Notification({ title, body })
    notification.on('click', () => openCapture(id))
    notification.show()
    quietUntil = Date.now() + NOTIFY_QUIET_MS
  }
  const flushHeld = () => {
    timer = undefined
    const burst = held
    held = []
    const newest = burst[burst.length - 1]
    if (!newest) return
    if (burst.length === 1) {
      const notice = captureNotice(newest)
      show(notice.title, notice.body, newest.id)
    } else {
      const invalid = burst.filter((c) => c.signature.verdict === 'invalid').length
      show(
        `Captured ${burst.length} more webhooks`,
        `Newest: ${newest.request.method} ${newest.request.url}` +
          (invalid > 0 ? ` · ${invalid} with an invalid signature` : ''),
        newest.id,
      )
    }
  }

  const stop = engine.inbox.onCaptured((capture) => {
    if (!engine.inbox.settings.get().notifyOnCapture) return
    if (Date.now() >= quietUntil && held.length === 0) {
      const notice = captureNotice(capture)
      show(notice.title, notice.body, capture.id)
      return
    }
    held.push(capture)
    timer ??= setTimeout(flushHeld, Math.max(0, quietUntil - Date.now()))
  })
  return () => {
    stop()
    clearTimeout(timer)
  }
}
