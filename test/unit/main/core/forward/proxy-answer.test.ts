import { describe, expect, it } from 'vitest'
import type { RawHeaders } from '../../../../../shared/contract/raw-http'
import { productionLossWarning, proxyAnswer } from '../../../../../main/core/forward/proxy-answer'
import type { HttpOutcome } from '../../../../../main/core/net/http-request'

const NOW = new Date('2026-01-31T09:30:00Z')
const invocation = { webhookId: '01H', invocationId: '42', attempt: 1, accountId: null }
const braze = (status: number, headers: RawHeaders = [], body = '{}'): HttpOutcome => ({
  kind: 'answered',
  status,
  statusText: status === 429 ? 'Too Many Requests' : 'Created',
  headers,
  body: Buffer.from(body),
  bodySize: body.length,
  timings: { total: 80 },
  answeredAfterMs: 80,
})

describe("the transparent proxy's answer to Zendesk", () => {
  it("passes Braze's status, headers and body on, without its framing lines", () => {
    const reply = proxyAnswer(
      braze(201, [
        ['Content-Type', 'application/json'],
        ['Content-Length', '2'],
        ['Connection', 'close'],
        ['Proxy-Connection', 'keep-alive'],
        ['TE', 'trailers'],
        ['X-RateLimit-Remaining', '9'],
      ]),
      80,
      null,
      NOW,
    )
    expect(reply.answer).toMatchObject({ status: 201, closed: false, delayMs: 80 })
    expect(reply.headers).toEqual({
      'content-type': 'application/json',
      'x-ratelimit-remaining': '9',
    })
    expect(reply.body.toString()).toBe('{}')
  })

  it('closes the connection when Braze gave no answer, as Zendesk would see it', () => {
    const reply = proxyAnswer(
      {
        kind: 'failed',
        failure: { reason: 'timeout', message: 'timed out' },
        timings: { total: 1 },
      },
      11_000,
      null,
      NOW,
    )
    expect(reply.answer).toMatchObject({ status: null, closed: true })
  })

  it('answers 502 with the reason when nothing was sent', () => {
    const reply = proxyAnswer(null, 0, 'no key', NOW)
    expect(reply.answer.status).toBe(502)
    expect(String(reply.body)).toContain('no key')
  })
})

describe('the warning that an answer would lose the event in production', () => {
  it("warns on Braze's 429, which carries no Retry-After, so Zendesk does not retry it", () => {
    const { answer } = proxyAnswer(braze(429, [['X-RateLimit-Reset', '1769852000']]), 5, null, NOW)
    expect(productionLossWarning(answer, invocation, 0)).toMatch(/would be lost/)
  })

  it('says nothing about a 429 that carries a short Retry-After', () => {
    const { answer } = proxyAnswer(braze(429, [['Retry-After', '10']]), 5, null, NOW)
    expect(productionLossWarning(answer, invocation, 0)).toBeNull()
  })

  it('warns when a 2xx skipped objects, which Zendesk counts as delivered', () => {
    const { answer } = proxyAnswer(braze(201), 5, null, NOW)
    expect(productionLossWarning(answer, invocation, 1)).toMatch(/an object would be lost/)
  })

  it('says nothing about a clean 2xx', () => {
    const { answer } = proxyAnswer(braze(201), 5, null, NOW)
    expect(productionLossWarning(answer, invocation, 0)).toBeNull()
  })
})
