/** The simulated Zendesk and Braze: settings, snapshots and change events. */
export * from './simulator-settings'
export * from './simulator-snapshots'
