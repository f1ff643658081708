import { describe, expect, it } from 'vitest'
import { createBrazeLiquid } from '../../../../../../main/core/liquid/braze-liquid'
import { FIXED_NOW } from '../../../../../helpers/liquid-fixtures'

const engine = createBrazeLiquid({ clock: () => FIXED_NOW })
const user = {
  external_id: 'u-1',
  email: 'ada@example.com',
  first_name: 'Ada',
  custom_attributes: { zendesk_user_id: 381726354 },
}

function lint(template: string, custom?: Record<string, unknown>) {
  const who = custom ? { ...user, custom_attributes: custom } : user
  return engine
    .renderSync({ template, user: who, target: 'zendesk-ticket' })
    .problems.map((p) => [p.code, p.line, p.column])
}
const ticket = (fields: string) => `{"ticket": {"comment": {"body": "Help"}, ${fields}}}`

describe('Zendesk ticket lint', () => {
  it('accepts a valid ticket', () => {
    expect(
      lint(
        ticket(
          '"type": "question", "priority": "low", "status": "open", "requester_id": {{custom_attribute.${zendesk_user_id}}}',
        ),
      ),
    ).toEqual([])
  })

  it('points a JSON error inside text printed by {{ticket_body}} at that output', () => {
    const template =
      '{% capture ticket_body %}a "quoted" word{% endcapture %}\n{"ticket": {"comment": {"body": "{{ticket_body}}"}}}'
    expect(lint(template)).toEqual([
      ['unescaped-value', 2, 34],
      ['invalid-json', 2, 34],
    ])
  })

  it('places a JSON error in template text at its exact character', () => {
    expect(lint('{"ticket": {"comment": {"body": "x"}}}\n  oops')).toEqual([['invalid-json', 2, 3]])
  })

  it('treats comments and trailing commas as errors', () => {
    expect(lint('// note\n{"ticket": {"comment": {"body": "x"}}}')).toEqual([
      ['json-comment', 1, 1],
    ])
    expect(lint('{"ticket": {"comment": {"body": "x"},}}')).toEqual([['trailing-comma', 1, 37]])
  })

  it.each([
    [
      'template text',
      `{"ticket": {"comment": {"body": "x"}, "tags": ${'['.repeat(100_000)}}}`,
      1,
      // "tags" opens level 3 at column 47, so the 255th [ opens level 257.
      47 + 254,
    ],
    [
      'a loop',
      `{"ticket": {"comment": {"body": "x"}, "tags": {% for i in (1..1000) %}[{% endfor %}}}`,
      1,
      // Every [ comes from the loop body, at column 71.
      71,
    ],
  ])(
    'reports a body nested too deeply by %s instead of overflowing',
    (_by, template, line, column) => {
      expect(lint(template)).toEqual([['json-too-deep', line, column]])
    },
  )

  it('explains typographic quotes', () => {
    expect(lint('{\u201cticket\u201d: {}}')).toEqual([['curly-quote', 1, 2]])
  })

  it('points an unquoted value that rendered empty at its output', () => {
    expect(
      lint(ticket('"custom_fields": [{"id": 1, "value": {{custom_attribute.${missing}}} }]')),
    ).toEqual([['invalid-json', 1, 79]])
  })

  it("reports a missing comment with Zendesk's own 422 text", () => {
    const problems = engine.renderSync({
      template: '{"ticket": {"subject": "Hi"}}',
      user,
      target: 'zendesk-ticket',
    }).problems
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      [
        'zendesk-description',
        'Zendesk would answer 422 "Description: cannot be blank": the ticket has no comment text.',
      ],
    ])
  })

  it('checks the type, priority and status enums', () => {
    expect(lint(ticket('"type": "bug", "priority": "Urgent", "status": "" '))).toEqual([
      ['zendesk-type', 1, 51],
      ['zendesk-priority', 1, 70],
      ['zendesk-status', 1, 90],
    ])
  })

  it('wants the ticket inside {"ticket": {…}}', () => {
    expect(lint('{"subject": "x"}')).toEqual([['zendesk-shape', 1, 1]])
    expect(lint('[]')).toEqual([['zendesk-shape', 1, 1]])
  })

  it('warns that a quoted numeric requester_id should be an integer', () => {
    const problems = engine.renderSync({
      template: ticket('"requester_id": "123"'),
      user,
      target: 'zendesk-ticket',
    }).problems
    expect(problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'zendesk-requester-id']])
  })

  it("reports a blank requester name with Zendesk's text", () => {
    const problems = engine.renderSync({
      template: ticket('"requester": {"name": "{{custom_attribute.${nope}}} ", "email": "a@b.co"}'),
      user,
      target: 'zendesk-ticket',
    }).problems
    expect(problems[0]?.message).toBe(
      'requester.name is blank: Zendesk would answer 422 "Requester: Name:  is too short (minimum is 1 character)".',
    )
  })

  it('does not lint a message that was aborted or has template errors', () => {
    expect(lint("{% abort_message('x') %}not json").map(([code]) => code)).toEqual([
      'message-aborted',
    ])
    expect(lint('not json {{ x | bogus }}').map(([code]) => code)).toEqual(['unknown-filter'])
  })

  it('lints a copy of a result without positions, and says so', () => {
    const result = engine.renderSync({ template: 'oops', user })
    const copy = JSON.parse(JSON.stringify(result)) as typeof result
    expect(engine.lint('zendesk-ticket', copy).map((p) => [p.code, p.line])).toEqual([
      ['lint-without-positions', null],
      ['invalid-json', null],
    ])
  })
})
