import { describe, expect, it } from 'vitest'
import { CircuitBreaker } from '../../../../../../main/core/simulators/zendesk/circuit-breaker'
import { defaultZendeskSettings } from '../../../../../../main/core/simulators/zendesk/default-settings'

const settings = defaultZendeskSettings().circuitBreaker

function record(breaker: CircuitBreaker, errors: number, successes: number, at = 0) {
  for (let i = 0; i < successes; i++) breaker.record('w', false, at)
  for (let i = 0; i < errors; i++) breaker.record('w', true, at)
}

describe('webhook circuit breaker (reference/zendesk.md §5.7)', () => {
  it('stays closed below 100 requests in the window, however many fail', () => {
    const breaker = new CircuitBreaker(() => settings)
    record(breaker, 99, 0)
    expect(breaker.allows('w', 1)).toBe(true)
  })

  it('opens for 5 s when 70 % of at least 100 requests failed', () => {
    const breaker = new CircuitBreaker(() => settings)
    record(breaker, 70, 30)
    expect(breaker.allows('w', 1)).toBe(false)
    expect(breaker.allows('w', 4_999)).toBe(false)
    expect(breaker.allows('w', 5_000)).toBe(true)
  })

  it('stays closed at 69 % errors', () => {
    const breaker = new CircuitBreaker(() => settings)
    record(breaker, 69, 31)
    expect(breaker.allows('w', 1)).toBe(true)
  })

  it('closes after one successful probe, and pauses again after a failed one', () => {
    const breaker = new CircuitBreaker(() => settings)
    record(breaker, 100, 0)
    breaker.record('w', true, 5_000)
    expect(breaker.allows('w', 9_999)).toBe(false)
    breaker.record('w', false, 10_000)
    expect(breaker.allows('w', 10_001)).toBe(true)
  })

  it('counts only the last 5 minutes', () => {
    const breaker = new CircuitBreaker(() => settings)
    record(breaker, 70, 0, 0)
    record(breaker, 0, 30, 5 * 60_000 + 1)
    expect(breaker.allows('w', 5 * 60_000 + 2)).toBe(true)
  })
})
