import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type {
  PlaceholderContext,
  PlaceholderTicket,
  PlaceholderUser,
} from '../../../../../../main/core/zendesk/placeholders/placeholder-context'
import { PlaceholderRenderer } from '../../../../../../main/core/zendesk/placeholders/placeholder-renderer'

const at = new Date('2026-03-04T05:06:07Z')

function user(overrides: Partial<PlaceholderUser> = {}): PlaceholderUser {
  return {
    id: 381726354,
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+14155550101',
    externalId: 'u-1001',
    role: 'end-user',
    locale: 'en-US',
    timeZone: 'Europe/London',
    tags: ['vip'],
    userFields: { braze_external_id: 'u-1001' },
    details: null,
    notes: null,
    ...overrides,
  }
}

function ticket(overrides: Partial<PlaceholderTicket> = {}): PlaceholderTicket {
  const requester = user()
  return {
    id: 42,
    externalId: null,
    subject: 'Printer on "fire"',
    description: 'It burns.\nPlease help.',
    status: 'solved',
    priority: 'high',
    type: 'incident',
    requester,
    submitter: requester,
    tags: ['printer', 'fire'],
    customFields: [],
    via: 'api',
    createdAt: at,
    updatedAt: new Date('2026-03-04T09:10:11Z'),
    comments: [
      {
        id: 7,
        authorId: requester.id,
        author: requester,
        body: 'It burns.\nPlease help.',
        htmlBody: '<p>It burns.</p>',
        public: true,
        via: 'api',
        createdAt: at,
      },
    ],
    ...overrides,
  }
}

function context(
  escaping: 'json' | 'raw' = 'raw',
  t: PlaceholderTicket = ticket(),
): PlaceholderContext {
  return {
    ticket: t,
    currentUser: user(),
    account: { id: 10000001, name: 'Bridgebench Sandbox', origin: 'http://127.0.0.1:4000' },
    escaping,
  }
}

function render(template: string, escaping: 'json' | 'raw' = 'raw', t = ticket()): string {
  const { text, problems } = new PlaceholderRenderer().render(template, context(escaping, t))
  if (text === null) throw new Error(problems[0]?.message)
  return text
}

const problems = (template: string, t = ticket()) =>
  new PlaceholderRenderer()
    .render(template, context('raw', t))
    .problems.map((p) => [p.severity, p.code, p.line, p.column, p.message])

describe('Zendesk placeholders (reference/zendesk.md §6.2)', () => {
  it('renders the status, priority and type as display strings, not API values', () => {
    expect(render('{{ticket.status}}|{{ticket.priority}}|{{ticket.ticket_type}}')).toBe(
      'Solved|High|Incident',
    )
  })

  it('shows a REST-created ticket as via "Web service"', () => {
    expect(render('{{ticket.via}}')).toBe('Web service')
  })

  it('renders ticket.url without a scheme and ticket.link with one', () => {
    expect(render('{{ticket.url}} {{ticket.link}}')).toBe(
      '127.0.0.1:4000/agent/tickets/42 http://127.0.0.1:4000/agent/tickets/42',
    )
  })

  it('renders tags as one space-separated string', () => {
    expect(render('{{ticket.tags}}')).toBe('printer fire')
  })

  it('renders *_with_timestamp to the minute in UTC', () => {
    expect(
      render('{{ticket.created_at_with_timestamp}} {{ticket.updated_at_with_timestamp}}'),
    ).toBe('2026-03-04T05:06Z 2026-03-04T09:10Z')
  })

  it('exposes the requester, including external_id and custom fields', () => {
    expect(
      render(
        '{{ticket.requester.external_id}}|{{ticket.requester.first_name}}|{{ticket.requester.last_name}}|{{ticket.requester.email}}|{{ticket.requester.custom_fields.braze_external_id}}',
      ),
    ).toBe('u-1001|Ada|Lovelace|ada@example.com|u-1001')
  })

  it('renders a missing value as an empty string', () => {
    expect(render('[{{ticket.assignee.name}}][{{ticket.nothing_here}}][{{dc.greeting}}]')).toBe(
      '[][][]',
    )
  })

  it('renders latest_comment as its text and still exposes its properties', () => {
    expect(render('{{ticket.latest_comment.author.name}}: {{ticket.latest_comment}}')).toBe(
      'Ada Lovelace: It burns.\nPlease help.',
    )
  })

  it('renders a bare comments collection as Ruby inspect output (§6.3)', () => {
    expect(render('{{ticket.comments}}')).toBe(
      '[#<Comment id: 7, account_id: 10000001, parent_id: nil, ticket_id: 42, author_id: 381726354, ' +
        'created_at: "2026-03-04 05:06:07.000000000 +0000", via_id: 5, via_reference_id: nil, ' +
        'is_public: true, type: "Comment", value: "It burns.\\nPlease help.", value_previous: nil, ' +
        'value_reference: nil, updated_at: "2026-03-04 05:06:07.000000000 +0000", notification_sent_at: nil>]',
    )
  })

  it('supports Liquid loops over the comments collection', () => {
    expect(
      render('{% for comment in ticket.comments limit:1 %}{{comment.author.name}}{% endfor %}'),
    ).toBe('Ada Lovelace')
  })

  describe('JSON escaping switch (§6.3, §9 Q1)', () => {
    const template = '{"subject": "{{ticket.title}}", "description": "{{ticket.description}}"}'

    it('escapes quotes and newlines in json mode, so the body stays valid JSON', () => {
      const body = render(template, 'json')
      expect(body).toBe(
        '{"subject": "Printer on \\"fire\\"", "description": "It burns.\\nPlease help."}',
      )
      expect(JSON.parse(body)).toEqual({
        subject: 'Printer on "fire"',
        description: 'It burns.\nPlease help.',
      })
    })

    it('inserts values verbatim in raw mode, which breaks JSON on a quote', () => {
      const body = render(template, 'raw')
      expect(body).toBe(
        '{"subject": "Printer on "fire"", "description": "It burns.\nPlease help."}',
      )
      expect(() => JSON.parse(body) as unknown).toThrow()
    })

    it('leaves unquoted numbers alone in both modes', () => {
      expect(render('{"id": {{ticket.id}}}', 'json')).toBe('{"id": 42}')
      expect(render('{"id": {{ticket.id}}}', 'raw')).toBe('{"id": 42}')
    })
  })

  it('renders the shipped zendesk-trigger-to-braze template to valid JSON', () => {
    const template = readFileSync(
      path.join(import.meta.dirname, '../../../../../fixtures/zendesk-trigger-to-braze.liquid'),
      'utf8',
    )
    expect(JSON.parse(render(template, 'json'))).toEqual({
      attributes: [
        {
          external_id: 'u-1001',
          zendesk_last_ticket_id: '42',
          zendesk_last_ticket_status: 'Solved',
        },
      ],
      events: [
        {
          external_id: 'u-1001',
          name: 'zendesk_ticket_solved',
          time: '2026-03-04T09:10Z',
          properties: {
            ticket_id: '42',
            subject: 'Printer on "fire"',
            priority: 'High',
            via: 'Web service',
          },
        },
      ],
    })
  })

  it('fills the organization and group when the ticket has them', () => {
    const organization = {
      id: 9,
      name: 'Acme',
      externalId: 'acme-1',
      details: null,
      notes: null,
      organizationFields: { tier: 'gold' },
    }
    expect(
      render(
        '{{ticket.organization.name}}|{{ticket.organization.custom_fields.tier}}|{{ticket.group.name}}',
        'raw',
        ticket({ organization, group: { name: 'Support' } }),
      ),
    ).toBe('Acme|gold|Support')
  })
})

describe('what is wrong with a trigger body', () => {
  it('reports no problem for known placeholders, loops and custom fields', () => {
    expect(
      problems(
        '{{ticket.requester.email}} {{ticket.ticket_field_360012345}} {{ticket.requester.custom_fields.anything}} {% for c in ticket.comments %}{{c.author.name}}{% endfor %} {{ticket.tags.size}} {{ticket.comments.first.value}}',
      ),
    ).toEqual([])
  })

  it('warns about a placeholder Zendesk does not fill, at its line and column, once', () => {
    expect(
      problems('{"a": "{{ticket.requestor.email}}",\n"b": "{{ticket.requestor.email}}"}'),
    ).toEqual([
      [
        'warning',
        'unknown-placeholder',
        1,
        10,
        '{{ticket.requestor.email}} is not a placeholder Zendesk fills here, so it renders empty.',
      ],
    ])
  })

  it('warns about an unknown root such as dynamic content, which renders empty here', () => {
    expect(problems('{{dc.greeting}}').map((p) => p[1])).toEqual(['unknown-placeholder'])
  })

  it("knows a person's fields even when the ticket has no such person yet", () => {
    expect(problems('{{ticket.assignee.name}}')).toEqual([])
    expect(problems('{{ticket.assignee.nmae}}').map((p) => p[1])).toEqual(['unknown-placeholder'])
  })

  it('reports a Liquid syntax error with its position instead of a text', () => {
    const rendering = new PlaceholderRenderer().render('{"a": {{ ticket.id }', context())
    expect(rendering.text).toBeNull()
    expect(rendering.problems).toMatchObject([
      { severity: 'error', code: 'liquid-syntax', line: 1, column: 7 },
    ])
  })

  it('checks syntax alone without a ticket', () => {
    const renderer = new PlaceholderRenderer()
    expect(renderer.syntaxProblems('{% if ticket.id %}open')).toMatchObject([
      { code: 'liquid-syntax', line: 1, column: 1 },
    ])
    expect(renderer.syntaxProblems('{{ticket.id}}')).toEqual([])
  })
})
