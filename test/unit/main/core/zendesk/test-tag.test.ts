import { describe, expect, it } from 'vitest'
import { addTestTag } from '../../../../../main/core/zendesk/test-tag'

const TICKET = `{
"ticket": {
"subject":  "Hello",
  "tags": ["vip", "de"],
"comment": { "body": "Hi" }
  }
}`

describe('the bridgebench_test tag', () => {
  it('is added to ticket.tags with every other byte as rendered', () => {
    const { body, change } = addTestTag(TICKET)
    expect(body).toBe(TICKET.replace('"de"]', '"de","bridgebench_test"]'))
    expect(change).toBe(
      'Added "bridgebench_test" to ticket.tags; the rest of the body is as rendered.',
    )
  })

  it('adds a tags field to a ticket that has none, leaving the rest untouched', () => {
    const text = '{\n  "ticket": {\n    "subject": "Hello"\n  }\n}'
    const { body } = addTestTag(text)
    expect(body).toBe(
      '{\n  "ticket": {\n    "subject": "Hello","tags": ["bridgebench_test"]\n  }\n}',
    )
    expect(JSON.parse(body)).toEqual({ ticket: { subject: 'Hello', tags: ['bridgebench_test'] } })
  })

  it('is not added twice', () => {
    const once = addTestTag(TICKET).body
    expect(addTestTag(once)).toEqual({
      body: once,
      change: 'Already tagged "bridgebench_test": the body goes out unchanged.',
    })
  })

  it.each([
    ['{"ticket": {"subject": "x",}}', /not valid JSON/],
    ['{"request": {}}', /no "ticket" object/],
    ['{"ticket": {"tags": "a b"}}', /ticket\.tags is not a list/],
  ])('leaves a body it cannot tag unchanged, saying why: %s', (text, why) => {
    const { body, change } = addTestTag(text)
    expect(body).toBe(text)
    expect(change).toMatch(why)
  })
})
