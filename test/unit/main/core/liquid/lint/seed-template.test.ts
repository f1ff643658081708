import { describe, expect, it } from 'vitest'
import type { Problem } from '../../../../../../shared/contract/problems'
import { createBrazeLiquid } from '../../../../../../main/core/liquid/braze-liquid'
import {
  FIXED_NOW,
  fixtureUser,
  fixtureUsers,
  seedTemplate,
} from '../../../../../helpers/liquid-fixtures'

/**
 * The published Zendesk "create ticket" body (braze.md §7.1), unedited, for every fixture user:
 * the lint must explain each of its known problems, each at its place in the template.
 */
const engine = createBrazeLiquid({ clock: () => FIXED_NOW })
const lint = (id: string) =>
  engine.renderSync({ template: seedTemplate(), user: fixtureUser(id), target: 'zendesk-ticket' })
    .problems
const where = (problems: Problem[]) => problems.map((p) => [p.code, p.line, p.column])

/** Problems every user gets, whoever they are. */
const EVERYONE = [
  ['placeholder', 1, 61],
  ['invalid-json', 1, 61],
  ['placeholder', 4, 1],
  ['zendesk-type', 13, 10],
  ['unescaped-value', 15, 24],
  ['zendesk-status', 17, 12],
]

describe('the seed Zendesk ticket template', () => {
  it('reports every known problem for Ada, in template order', () => {
    expect(where(lint('u-1001'))).toEqual([
      EVERYONE[0],
      EVERYONE[1],
      EVERYONE[2],
      ['zendesk-requester-id', 11, 18],
      EVERYONE[3],
      EVERYONE[4],
      EVERYONE[5],
    ])
  })

  it('reports José "Pepe"\'s unescaped quote at {{${first_name}}}', () => {
    const problems = lint('u-1002')
    expect(where(problems)).toContainEqual(['unescaped-value', 12, 25])
    const quote = problems.find((p) => p.code === 'unescaped-value' && p.line === 12)
    expect(quote?.message).toBe(
      '{{${first_name}}} prints "José \\"Pepe\\"" inside a JSON string; it contains a double quote, which ends the JSON string early.',
    )
    expect(quote?.fix).toBe(
      'Escape it: {{${first_name} | json_escape}} (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/).',
    )
  })

  it('reports the missing email of users without one, at {{${email_address}}}', () => {
    for (const id of ['u-1003', '60aa00bb11cc22dd33ee44ff']) {
      expect(where(lint(id))).toContainEqual(['zendesk-requester-email', 12, 72])
    }
    expect(where(lint('u-1001')).map(([code]) => code)).not.toContain('zendesk-requester-email')
  })

  it('reports requester_id as the Braze external id, or empty for an anonymous profile', () => {
    const ada = lint('u-1001').find((p) => p.code === 'zendesk-requester-id')
    expect(ada?.message).toBe(
      'requester_id is "u-1001", this user\'s Braze external_id ({{${user_id}}}); Zendesk needs the integer id of a Zendesk user and answers 422 otherwise (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#create-ticket).',
    )
    const anonymous = lint('60aa00bb11cc22dd33ee44ff').find(
      (p) => p.code === 'zendesk-requester-id',
    )
    expect(anonymous).toMatchObject({ line: 11, column: 18 })
    expect(anonymous?.message).toContain('requester_id is empty')
  })

  it('says New is not a Zendesk status and where it was assigned', () => {
    const status = lint('u-1001').find((p) => p.code === 'zendesk-status')
    expect(status?.message).toBe(
      '"status" is "New", but Zendesk\'s API values are lower case: "new" (set on line 7: {% assign ticket_status = \'New\' %}).',
    )
    expect(status?.fix).toBe('Use "new".')
  })

  it("says the type is the template's list of choices", () => {
    const type = lint('u-1001').find((p) => p.code === 'zendesk-type')
    expect(type?.fix).toBe('Pick one: question or incident or task or problem.')
  })

  it('points the raw line breaks of the captured body at {{ticket_body}}', () => {
    const body = lint('u-1001').find((p) => p.code === 'unescaped-value')
    expect(body?.message).toBe(
      '{{ticket_body}} prints "\\n<< Your message here >>\\n" inside a JSON string; it contains a line break, which JSON strings cannot contain.',
    )
  })

  it('finds the same problems for every fixture user whether or not the lint is memoized', () => {
    for (const user of fixtureUsers()) {
      const fresh = createBrazeLiquid({ clock: () => FIXED_NOW })
      const first = fresh.renderSync({
        template: seedTemplate(),
        user,
        target: 'zendesk-ticket',
      }).problems
      const again = fresh.renderSync({
        template: seedTemplate(),
        user,
        target: 'zendesk-ticket',
      }).problems
      expect(again).toEqual(first)
    }
  })

  it('has no problems once the published traps are fixed', () => {
    const fixed = seedTemplate()
      .replace(' << Choose one >>', '')
      .replace("'question/incident/task/problem'", "'question'")
      .replace('<< Your message here >>', 'Please call me back.')
      .replace("'New'", "'new'")
      .replace('"requester_id": "{{${user_id}}}", \n', '')
      .replaceAll(/\{\{(\$\{\w+\}|ticket_body)\}\}/g, '{{$1 | json_escape}}')
    const result = engine.renderSync({
      template: fixed,
      user: fixtureUser('u-1002'),
      target: 'zendesk-ticket',
    })
    expect(result.problems).toEqual([])
    expect(JSON.parse(result.output)).toMatchObject({
      ticket: { requester: { name: 'José "Pepe" Núñez' }, status: 'new' },
    })
  })
})
