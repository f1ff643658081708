import { describe, expect, it } from 'vitest'
import type { TriggerContext } from '../../../../../shared/contract/compose'
import type { BrazeUserProfile } from '../../../../../shared/contract/users'
import { createBrazeLiquid } from '../../../../../main/core/liquid/braze-liquid'
import { brazeTemplates, FIXED_NOW, fixtureUser } from '../../../../helpers/liquid-fixtures'

/**
 * Every template Braze publishes (test/fixtures/braze-templates.json) either renders, or — where
 * its notes say the published text is broken — fails with an error at the broken spot.
 */
const engine = createBrazeLiquid({ clock: () => FIXED_NOW })
const fixtures = brazeTemplates()
const ada = fixtureUser('u-1001')

function render(index: number, user: BrazeUserProfile = ada, context?: TriggerContext) {
  const fixture = fixtures[index]
  if (!fixture) throw new Error(`No fixture ${index}`)
  return engine.renderSync({ template: fixture.template, user, ...(context ? { context } : {}) })
}
const codes = (index: number, severity: string) =>
  render(index)
    .problems.filter((p) => p.severity === severity)
    .map((p) => [p.code, p.line, p.column])

/** The published text is broken (notes: "EDGE: unbalanced", "EDGE: SINGLE braces"). */
const BROKEN: Record<number, Array<[string, number, number]>> = {
  36: [['unclosed-output', 1, 22]],
  38: [
    ['single-brace', 1, 7],
    ['single-brace', 1, 58],
  ],
}

/** Stray markup Braze's lax parser ignores: rendered like Braze, with a positioned warning. */
const LAX: Record<number, Array<[string, number, number]>> = {
  7: [['attribute-case', 5, 25]],
  15: [
    ['ignored-condition', 2, 25],
    ['ignored-condition', 4, 28],
  ],
  42: [['ignored-assign-markup', 35, 63]],
  60: [['ignored-else-condition', 109, 9]],
}

describe('published Braze templates', () => {
  it('has all 63 compatibility cases', () => {
    expect(fixtures).toHaveLength(63)
  })

  it.each(fixtures.map((f, index) => [index, f.notes.slice(0, 60)] as const))(
    'template %i (%s) renders, or fails at the place its notes call broken',
    (index) => {
      expect(codes(index, 'error')).toEqual(BROKEN[index] ?? [])
    },
  )

  it.each(Object.entries(LAX).map(([index, expected]) => [Number(index), expected] as const))(
    'template %i renders as Braze would and warns where it ignores markup',
    (index, expected) => {
      expect(
        codes(index, 'warning').filter(([code]) => expected.some(([c]) => c === code)),
      ).toEqual(expected)
    },
  )

  const vectors = fixtures.flatMap((f, index) => {
    const expected = /^kind=filter_vector; expected (\S+?)\.?(?: \(|$)/.exec(f.notes)?.[1]
    return expected ? [[index, expected] as const] : []
  })

  it('finds the four filter vectors', () => {
    expect(vectors.map(([index]) => index)).toEqual([18, 19, 20, 21])
  })

  it.each(vectors)('filter vector %i renders exactly %s', (index, expected) => {
    expect(render(index).output).toBe(expected)
  })
})

describe('documented outputs of published templates', () => {
  it('base64-encodes the Zendesk Basic credential literally (template 2)', () => {
    expect(render(2).output).toBe(
      Buffer.from('<email_address>/token:<api_token>').toString('base64'),
    )
  })

  it('pre-renders the nested balance: "You have $35 to spend!" (template 10)', () => {
    const user = {
      ...ada,
      custom_attributes: { giftcard_balance: 25, current_rewards_balance: 10 },
    }
    expect(render(10, user).output).toBe('\nYou have $35 to spend!')
  })

  it('money after divided_by: 100.00 gives $1.45 for 145 (template 16)', () => {
    expect(render(16, ada, { event_properties: { rewards_redeemed: 145 } }).output).toBe('$1.45')
  })

  it('date: "%s" gives 1622740421 for 2021-06-03 17:13:41 UTC, not the doc\'s 2015 value (template 17)', () => {
    const user = { ...ada, custom_attributes: { date_attribute: '2021-06-03 17:13:41 UTC' } }
    expect(render(17, user).output).toBe('1622740421')
  })

  it('json_parse feeds a for loop (template 22)', () => {
    expect(render(22).output).toBe('\n\n\nItem ID: 1\nItem Name: demo-store\n')
  })

  it('split on "" formats 1234567890 as (123)-456-7890 (template 37)', () => {
    expect(render(37, { ...ada, phone: '1234567890' }).output.trim()).toBe('(123)-456-7890')
  })

  it('reads index and dot paths after ${…}: Miles Davis Solea 1000 (template 53)', () => {
    const song = { artist_name: 'Miles Davis', song_name: 'Solea', play_analytics: { count: 1000 } }
    expect(render(53, { ...ada, custom_attributes: { most_played_song: [song] } }).output).toBe(
      'Miles Davis Solea 1000',
    )
  })

  it("adds 366 days to 'now' for the PassKit expiry date (template 8)", () => {
    expect(render(8).output).toContain('"universal.expiryDate": "2027-11-21T15:04:05Z"')
  })

  it('aborts with "{% abort_message %} called" when nil > 0 is false (template 12)', () => {
    expect(render(12).aborted).toEqual({ reason: '{% abort_message %} called' })
  })

  it('looks up the literal key external_system_msg+body (template 59)', () => {
    const context = { api_trigger_properties: { 'external_system_msg+body': 'hello' } }
    expect(render(59, ada, context).output).toBe('hello')
  })

  it('prints // lines into the Movable Ink body, as Braze does (template 57)', () => {
    expect(render(57).output).toContain('// Converts the timestamp of "now"')
  })
})
