import { describe, expect, it } from 'vitest'
import { retryWaitText } from '../../../../shared/http/retry-wait'

describe('the countdown text of a send waiting to retry', () => {
  it('says Zendesk asked to wait only when it sent Retry-After', () => {
    expect(retryWaitText('retry-after', 7)).toBe('Zendesk asked to wait; retrying in 7 s')
  })

  it('says there was no answer after a timeout or a reset', () => {
    expect(retryWaitText('no-answer', 1)).toBe('No answer; retrying in 1 s')
  })

  it('names the rate-limit reset and plain backoff for what they are', () => {
    expect(retryWaitText('rate-limit-reset', 30, 'Braze')).toBe(
      "Braze's rate limit resets; retrying in 30 s",
    )
    expect(retryWaitText('backoff', 2)).toBe('Zendesk could not take it yet; retrying in 2 s')
  })
})
