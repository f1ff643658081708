import type { RetryReason } from '../contract/exchanges'

/**
 * What a countdown says while a send waits to try again, by why it waits: "Zendesk asked to
 * wait" only when Zendesk did (Retry-After), so a timeout never reads as Zendesk's request.
 * `seconds` is what is left to wait.
 */
export function retryWaitText(reason: RetryReason, seconds: number, service = 'Zendesk'): string {
  switch (reason) {
    case 'retry-after':
      return `${service} asked to wait; retrying in ${seconds} s`
    case 'rate-limit-reset':
      return `${service}'s rate limit resets; retrying in ${seconds} s`
    case 'no-answer':
      return `No answer; retrying in ${seconds} s`
    case 'backoff':
      return `${service} could not take it yet; retrying in ${seconds} s`
  }
}
