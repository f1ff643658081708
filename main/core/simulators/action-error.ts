/** A control method (solve a ticket, create a webhook…) that could not run, with the reason. */
export class SimulatorActionError extends Error {
  constructor(
    message: string,
    /** Zendesk's own error body, when the simulated API would have answered with one. */
    readonly body?: unknown,
  ) {
    super(message)
    this.name = 'SimulatorActionError'
  }
}
