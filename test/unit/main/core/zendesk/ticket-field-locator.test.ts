import { describe, expect, it } from 'vitest'
import { ticketFieldLocator } from '../../../../../main/core/zendesk/ticket-field-locator'

const byOffset = (offset: number) => ({ line: 1, column: offset + 1 })

describe('ticketFieldLocator', () => {
  it('places a field Zendesk complained about at its key', () => {
    const locate = ticketFieldLocator('{"ticket": {"subject": "x"}}', byOffset)
    expect(locate('subject')).toEqual({ line: 1, column: 13 })
  })

  it('gives no position, instead of overflowing the stack, for a body nested 200,000 deep', () => {
    const body = `{"ticket": {"tags": ${'['.repeat(200_000)}}}`
    expect(ticketFieldLocator(body, byOffset)('tags')).toBeUndefined()
  })
})
