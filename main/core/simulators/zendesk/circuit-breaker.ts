import type { ZendeskSimulatorSettings } from '../../../../shared/contract/simulators'

type BreakerSettings = ZendeskSimulatorSettings['circuitBreaker']

interface WebhookHealth {
  /** Outcome times in the window: true = error. */
  results: Array<{ at: number; error: boolean }>
  pausedUntil: number
  /** After a pause, sending stays "circuit broken"-prone until one request succeeds (§5.7). */
  probing: boolean
}

/**
 * Zendesk's per-webhook circuit breaker (§5.7): it trips when at least `minRequests` were sent in
 * the window and either `errorRatio` of them failed or more than `maxErrors` did; sending then
 * pauses for `pauseMs`. After the pause one request probes: success closes the breaker, failure
 * pauses again. Webhooks are never deactivated for failing.
 */
export class CircuitBreaker {
  private readonly health = new Map<string, WebhookHealth>()

  constructor(private readonly settings: () => BreakerSettings) {}

  /** False while the webhook's breaker is open: the invocation is logged as circuit broken. */
  allows(webhookId: string, nowMs: number): boolean {
    if (!this.settings().enabled) return true
    const health = this.health.get(webhookId)
    return !health || nowMs >= health.pausedUntil
  }

  record(webhookId: string, error: boolean, nowMs: number): void {
    const settings = this.settings()
    if (!settings.enabled) return
    let health = this.health.get(webhookId)
    if (!health) {
      health = { results: [], pausedUntil: 0, probing: false }
      this.health.set(webhookId, health)
    }
    if (health.probing) {
      health.probing = false
      if (!error) {
        health.results = []
        return
      }
      health.pausedUntil = nowMs + settings.pauseMs
      health.probing = true
      return
    }
    health.results.push({ at: nowMs, error })
    const since = nowMs - settings.windowMs
    while (health.results.length > 0 && health.results[0]!.at < since) health.results.shift()
    const total = health.results.length
    if (total < settings.minRequests) return
    const errors = health.results.filter((result) => result.error).length
    if (errors / total >= settings.errorRatio || errors > settings.maxErrors) {
      health.pausedUntil = nowMs + settings.pauseMs
      health.probing = true
    }
  }

  forget(webhookId: string): void {
    this.health.delete(webhookId)
  }
}
