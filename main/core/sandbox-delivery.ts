import { receiverRoute } from '../../shared/contract/captures'
import type { Sandbox } from './simulators/sandbox'
import type { Inbox } from './receiver/inbox'
import { SANDBOX_ROUTE, SANDBOX_ROUTE_FORWARD } from './receiver/receiver-settings'

export { SANDBOX_ROUTE } from './receiver/receiver-settings'

/**
 * Starts the simulators and points their webhook: through the receiver when "Deliver through the
 * receiver" is on (the default, so the loop runs through the Inbox), which is started for it. A
 * receiver that cannot start is logged and the Sandbox delivers straight to the simulated Braze.
 */
export async function startSandboxDelivering(
  start: () => Promise<Sandbox>,
  inbox: Inbox,
  warn: (line: string) => void,
): Promise<Sandbox> {
  const sandbox = await start()
  if (inbox.settings.get().sandboxThroughReceiver) {
    await inbox.ensureRunning().catch((error: unknown) => {
      const why = error instanceof Error ? error.message : String(error)
      warn(`The Sandbox delivers straight to Braze: ${why}`)
    })
  }
  syncSandboxDelivery(sandbox, inbox)
  return sandbox
}

/**
 * "Deliver through the receiver" (on by default): the Sandbox's webhook points at the receiver's
 * `sandbox` route (its signatures checked with the Sandbox's signing secret, each capture
 * forwarded on to the simulated Braze) while the switch is on and the receiver runs; otherwise
 * straight at the simulated Braze, as the Braze docs set it up.
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
    inbox.saveRoute(
      receiverRoute.parse({
        name: SANDBOX_ROUTE,
        profileId: 'sandbox',
        forward: SANDBOX_ROUTE_FORWARD,
      }),
    )
  }
  sandbox.setReceiver(`${receiver.url}/hooks/${SANDBOX_ROUTE}`)
}
