import { describe, expect, it } from 'vitest'
import type { RawHeaders } from '../../../../../shared/contract/raw-http'
import { forwardOutcome } from '../../../../../main/core/forward/forward-outcome'
import type { RetryingSendResult } from '../../../../../main/core/net/retrying-send'

const sent = (status: number, body: unknown, headers: RawHeaders = []): RetryingSendResult => ({
  outcome: {
    kind: 'answered',
    status,
    statusText: '',
    headers,
    body: Buffer.from(JSON.stringify(body)),
    bodySize: 0,
    timings: { total: 1 },
    answeredAfterMs: 1,
  },
  attempts: [],
  cancelled: false,
})
const BODY = JSON.stringify(
  {
    attributes: [{ external_id: 'u-1', plan: 'gold' }],
    events: [{ external_id: 'u-1', name: 'solved', time: 'yesterday' }],
  },
  null,
  2,
)
const TEMPLATE = [
  '{',
  '  "attributes": [{"external_id": "{{ticket.requester.external_id}}", "plan": "gold"}],',
  '  "events": [',
  '    {"external_id": "{{ticket.requester.external_id}}", "name": "solved", "time": "{{ticket.updated_at}}"}',
  '  ]',
  '}',
].join('\n')

describe("reading Braze's answer to a forward", () => {
  it('counts a clean 2xx as forwarded', () => {
    expect(forwardOutcome(sent(201, { message: 'success' }), BODY, null)).toMatchObject({
      state: 'forwarded',
      status: 201,
    })
  })

  it('counts a 2xx that lists errors as failed, and places each object in the body and the template', () => {
    const answer = {
      message: 'success',
      errors: [{ type: "'time' must be a valid time", input_array: 'events', index: 0 }],
    }
    const outcome = forwardOutcome(sent(201, answer), BODY, TEMPLATE)
    expect(outcome.state).toBe('failed')
    expect(outcome.message).toMatch(/skipped an object/)
    expect(outcome.refused).toEqual([
      {
        type: "'time' must be a valid time",
        inputArray: 'events',
        index: 0,
        path: 'events[0]',
        at: { line: 9, column: 5 },
        templateAt: { line: 4, column: 5 },
      },
    ])
  })

  it('names when the rate limit resets on a 429', () => {
    const outcome = forwardOutcome(
      sent(429, { message: 'rate limited' }, [['X-RateLimit-Reset', '1769852000']]),
      BODY,
      null,
    )
    expect(outcome).toMatchObject({ state: 'failed', status: 429 })
    expect(outcome.message).toContain('2026-01-31T')
  })
})
