import type { Sandbox } from './simulators/sandbox'
import type { Inbox } from './receiver/inbox'

/** The receiver route the Sandbox's webhook delivers to when it goes through the receiver. */
export const SANDBOX_ROUTE = 'sandbox'

/**
 * "Deliver through the receiver": the Sandbox's webhook points at the receiver's `sandbox` route
 * (its signatures checked with the Sandbox's signing secret) while the switch is on and the
 * receiver runs; otherwise straight at the simulated Braze, as the Braze docs set it up.
 */
export function syncSandboxDelivery(sandbox: Sandbox | undefined, inbox: Inbox): void {
  if (!sandbox) return
  const settings = inbox.settings.get()
  const receiver = inbox.running
  if (!settings.sandboxThroughReceiver || !receiver) {
    sandbox.setReceiver(null)
    return
  }
  if (!settings.routes.some((route) => route.name === SANDBOX_ROUTE)) {
    inbox.saveRoute({
      name: SANDBOX_ROUTE,
      answer: { status: 200, retryAfterSeconds: null, delayMs: 0, close: false },
      strictSignature: false,
      profileId: 'sandbox',
    })
  }
  sandbox.setReceiver(`${receiver.url}/hooks/${SANDBOX_ROUTE}`)
}
