/** The simulated Zendesk and Braze: settings, snapshots, change events and the operations. */
export * from './simulator-settings'
export * from './simulator-snapshots'
import { eventIterator, oc } from '@orpc/contract'
import { z } from 'zod'
import { ticketId } from './ids'
import { simulatorSettingsPatch } from './simulator-settings'
import { sandboxSnapshot, simulatorEvent, zendeskTicketView } from './simulator-snapshots'

const ticketRef = z.object({ ticketId })

/** The Simulators screen: look at the simulated Zendesk and Braze, and poke them. */
export const simulatorsContract = {
  snapshot: oc.output(sandboxSnapshot),
  /** Coalesced change notices; the UI refetches the snapshot when one arrives. */
  events: oc.output(eventIterator(simulatorEvent)),
  solveTicket: oc.input(ticketRef).output(zendeskTicketView),
  reopenTicket: oc.input(ticketRef).output(zendeskTicketView),
  updateSettings: oc.input(simulatorSettingsPatch).output(sandboxSnapshot),
}
