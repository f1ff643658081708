import { describe, expect, it } from 'vitest'
import { PayloadTransform } from '../../../../../main/core/forward/payload-transform'

const EVENT = JSON.stringify({
  type: 'zen:event-type:ticket.status_changed',
  detail: { id: '35436', requester_id: '9873843' },
  event: { current: 'SOLVED' },
})
const transform = new PayloadTransform()

describe("a route's Liquid transform of an event-subscription payload", () => {
  it('renders a /users/track body from the payload’s top-level keys', () => {
    const template =
      '{"events":[{"external_id":{{ detail.requester_id | json }},"name":"ticket_{{ event.current | downcase }}","time":"2026-01-31T09:30:00Z"}]}'
    const result = transform.render(template, EVENT)
    expect(JSON.parse(result.body ?? '')).toEqual({
      events: [{ external_id: '9873843', name: 'ticket_solved', time: '2026-01-31T09:30:00Z' }],
    })
  })

  it('offers the whole payload as payload', () => {
    expect(transform.render('{"t": {{ payload.type | json }}}', EVENT).body).toBe(
      '{"t": "zen:event-type:ticket.status_changed"}',
    )
  })

  it('says where a template does not parse', () => {
    const result = transform.render('{\n"a": {{ detail.id | nosuchfilter }}\n}', EVENT)
    expect(result.body).toBeNull()
    expect(result.error?.line).toBe(2)
  })

  it('refuses output that is not JSON, and says how to write values', () => {
    const result = transform.render('{"id": {{ detail.id }}x}', EVENT)
    expect(result.error?.message).toMatch(/not valid JSON.*json filter/)
  })

  it('refuses a captured body that is not JSON', () => {
    expect(transform.render('{}', 'not json').error?.message).toMatch(/not JSON/)
  })
})
