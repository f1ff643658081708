import { describe, expect, it } from 'vitest'
import { defaultZendeskSettings } from '../../../../../../main/core/simulators/zendesk/default-settings'
import {
  parseTicketInput,
  readTags,
} from '../../../../../../main/core/simulators/zendesk/ticket-input'

const settings = defaultZendeskSettings()
const create = { mode: 'create' as const, settings, ticketFields: [] }

describe('ticket input (reference/zendesk.md §4.2, §4.5)', () => {
  it('refuses a create without comment or description with the verbatim BlankValue detail', () => {
    expect(parseTicketInput({ subject: 'Hi' }, create)).toEqual({
      ok: false,
      details: {
        base: [
          {
            description: 'Description: cannot be blank',
            error: 'BlankValue',
            ticket_field_id: 21414565,
            ticket_field_type: 'FieldDescription',
          },
        ],
      },
    })
  })

  it('treats a capitalised "Body" as no body: names are case-sensitive (§2)', () => {
    expect(parseTicketInput({ comment: { Body: 'hello' } }, create).ok).toBe(false)
  })

  it('accepts html_body instead of body and keeps the plain text', () => {
    const parsed = parseTicketInput({ comment: { html_body: '<p>Hello <b>you</b></p>' } }, create)
    expect(parsed).toMatchObject({
      ok: true,
      input: { comment: { body: 'Hello you', public: true } },
    })
  })

  it('rejects a capitalised status by default and drops it in "ignore" mode (§9 Q5)', () => {
    expect(parseTicketInput({ comment: { body: 'x' }, status: 'Open' }, create)).toEqual({
      ok: false,
      details: { status: [{ description: 'Status: "Open" is not valid', error: 'InvalidValue' }] },
    })
    const lenient = { ...create, settings: { ...settings, invalidEnumValues: 'ignore' as const } }
    const parsed = parseTicketInput({ comment: { body: 'x' }, status: 'Open' }, lenient)
    expect(parsed.ok && parsed.input.status).toBeUndefined()
  })

  it('refuses an assignee on create while routing is on, with the verbatim detail', () => {
    const routing = { ...create, settings: { ...settings, routingEnabled: true } }
    expect(parseTicketInput({ comment: { body: 'x' }, assignee_id: 5 }, routing)).toEqual({
      ok: false,
      details: {
        assignee_id: [
          {
            description: 'Assignee cannot be set while the ticket is being routed',
            error: 'InvalidValue',
          },
        ],
      },
    })
  })

  it('refuses a custom field value that fails its regular expression, under base', () => {
    const fields = {
      ...create,
      ticketFields: [{ id: 4417940288916, title: 'Application URL', regexp: '^https?://' }],
    }
    expect(
      parseTicketInput(
        { comment: { body: 'x' }, custom_fields: [{ id: 4417940288916, value: 'nope' }] },
        fields,
      ),
    ).toEqual({
      ok: false,
      details: {
        base: [
          {
            description: 'Application URL: is invalid',
            error: 'InvalidValue',
            field_key: 4417940288916,
          },
        ],
      },
    })
  })

  it('lowercases tags, splits them on spaces and drops duplicates', () => {
    expect(readTags(['VIP customer', 'vip'])).toEqual(['vip', 'customer'])
  })
})
