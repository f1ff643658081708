import type { Attempt, Exchange } from '../../../shared/contract/exchanges'
import type { AttemptRecorder } from './retrying-send'

export interface ExchangeRecorder extends AttemptRecorder {
  readonly exchange: Exchange
  /** Marks the exchange done and saves it; nothing is saved for a send that never attempted. */
  finish: () => Promise<void>
}

/**
 * Keeps one exchange (one send with every attempt) saved as it goes: before each attempt leaves
 * (so a crash or a silent server still leaves a trace), after it, and before each wait.
 */
export function recordExchange(
  exchange: Exchange,
  save: (record: Exchange) => Promise<void>,
): ExchangeRecorder {
  const put = (attempt: Attempt) => {
    exchange.attempts[attempt.attempt - 1] = attempt
    return save(exchange)
  }
  return {
    exchange,
    pending: put,
    completed: put,
    waiting: put,
    async finish() {
      if (exchange.attempts.length === 0) return
      exchange.state = 'done'
      await save(exchange)
    },
  }
}
