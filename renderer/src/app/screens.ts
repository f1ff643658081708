import type { ComponentType } from 'react'
import { ActivityScreen } from '../features/activity/ActivityScreen'
import { ComposeScreen } from '../features/compose/ComposeScreen'
import { ConnectionsScreen } from '../features/connections/ConnectionsScreen'
import { ExchangesScreen } from '../features/exchanges/ExchangesScreen'
import { InboxScreen } from '../features/inbox/InboxScreen'
import { OverviewScreen } from '../features/overview/OverviewScreen'
import { ReplayScreen } from '../features/replay/ReplayScreen'
import { SimulatorsScreen } from '../features/simulators/SimulatorsScreen'
import { TriggerBodyScreen } from '../features/trigger-body/TriggerBodyScreen'

export interface ScreenDefinition {
  id: string
  label: string
  /** One line for the tooltip and the screen header. */
  summary: string
  component: ComponentType
}

/** The screens that exist, in navigation order; Ctrl/⌘ + 1…9 jumps to them. */
export const SCREENS: ScreenDefinition[] = [
  {
    id: 'overview',
    label: 'Overview',
    summary: 'What Bridgebench is running, where it keeps its data, and how to start.',
    component: OverviewScreen,
  },
  {
    id: 'compose',
    label: 'Compose',
    summary:
      'Braze → Zendesk: write the webhook body in Liquid, preview it for sample users, and lint it.',
    component: ComposeScreen,
  },
  {
    id: 'inbox',
    label: 'Inbox',
    summary:
      'Zendesk → Bridgebench: the receiver, its public URL, and every webhook it captured, byte for byte.',
    component: InboxScreen,
  },
  {
    id: 'connections',
    label: 'Connections',
    summary:
      'Zendesk and Braze accounts per customer and environment, with their secrets kept encrypted.',
    component: ConnectionsScreen,
  },
  {
    id: 'simulators',
    label: 'Simulators',
    summary:
      'The simulated Zendesk and Braze behind the Sandbox: solve a ticket, watch the webhook land.',
    component: SimulatorsScreen,
  },
  {
    id: 'trigger-body',
    label: 'Trigger body',
    summary:
      'Zendesk → Braze: the trigger body, previewed per ticket, checked against /users/track, set up in Zendesk.',
    component: TriggerBodyScreen,
  },
  {
    id: 'exchanges',
    label: 'Exchanges',
    summary:
      'Every request sent on your behalf with Braze’s answer: attempts, lint, read-back and diffs.',
    component: ExchangesScreen,
  },
  {
    id: 'replay',
    label: 'Replay / QA',
    summary:
      'Replay capture sets with assertions: progress, pass/fail per capture, JUnit and HAR exports.',
    component: ReplayScreen,
  },
  {
    id: 'activity',
    label: 'Activity',
    summary:
      'One live timeline: render → ticket → trigger → capture → forward → Braze’s answer → profile.',
    component: ActivityScreen,
  },
]

export const DEFAULT_SCREEN = 'overview'

export function screenById(id: string): ScreenDefinition {
  return SCREENS.find((s) => s.id === id) ?? (SCREENS[0] as ScreenDefinition)
}
