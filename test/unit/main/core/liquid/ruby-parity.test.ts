import { describe, expect, it } from 'vitest'
import { createBrazeLiquid } from '../../../../../main/core/liquid/braze-liquid'
import { parseJsonKeepingFloats } from '../../../../../shared/numbers/json-keeping-floats'

/** The cases of issue 14 that Bridgebench previewed differently from Braze (Ruby Liquid 5). */

const engine = createBrazeLiquid()
const NOW = new Date('2026-11-20T12:00:00Z')
const render = (template: string, attributes: string) =>
  engine.renderSync({
    template,
    user: {
      external_id: 'u-1',
      custom_attributes: parseJsonKeepingFloats(attributes) as Record<string, unknown>,
    },
    now: NOW,
  })

describe('parity with Braze (Ruby Liquid 5)', () => {
  it('reads dd-mm-yyyy and dd/mm/yyyy date strings day-first, as Ruby Time.parse does', () => {
    const result = render(
      '{{custom_attribute.${renewal} | date: "%m-%e"}}|{{custom_attribute.${order_day} | date: "%F"}}',
      '{"renewal":"13-10-2022","order_day":"03/06/2021"}',
    )
    expect(result.output).toBe('10-13|2021-06-03')
  })

  it('warns at the filter that a day-first date such as 03/06/2021 is ambiguous', () => {
    const result = render(
      '\n  {{custom_attribute.${order_day} | date: "%F"}}',
      '{"order_day":"03/06/2021"}',
    )
    expect(result.problems).toMatchObject([
      { severity: 'warning', code: 'ambiguous-date', line: 2, column: 37 },
    ])
    expect(result.problems[0]?.message).toContain('day-first, as 2021-06-03')
  })

  it('warns that 12/25/2021 is no date Braze can read, and prints it unchanged', () => {
    const result = render('{{custom_attribute.${d} | date: "%F"}}', '{"d":"12/25/2021"}')
    expect(result.output).toBe('12/25/2021')
    expect(result.problems).toMatchObject([{ severity: 'warning', code: 'ambiguous-date' }])
  })

  it('multiplies a float attribute in decimal, as Ruby BigDecimal does', () => {
    const result = render(
      'Discount: {{custom_attribute.${discount_rate} | times: 100}}%',
      '{"discount_rate":0.0725}',
    )
    expect(result.output).toBe('Discount: 7.25%')
  })

  it('prints the result of float arithmetic as a float', () => {
    const result = render(
      '{{custom_attribute.${visits} | plus: "1.0"}}|{{custom_attribute.${balance} | divided_by: 2.0}}|{{custom_attribute.${balance} | times: 1.0}}|{{ 10 | modulo: 3.0 }}',
      '{"visits":"1","balance":6}',
    )
    expect(result.output).toBe('2.0|3.0|6.0|1.0')
  })

  it('prints a whole float attribute from JSON as a float', () => {
    expect(render('{{custom_attribute.${score}}}', '{"score":2.0}').output).toBe('2.0')
  })

  it('accepts message_extras whose value is an output tag printing a captured promotion code', () => {
    const result = engine.renderSync({
      template:
        "{% capture code %}{% promotion('spring') %}{% endcapture %}{% message_extras :key promo :value {{code}} %}",
      user: { external_id: 'u-1' },
      standIns: { promotions: { spring: 'SPRING-7Q2' } },
      now: NOW,
    })
    expect(result.messageExtras).toEqual([{ key: 'promo', value: 'SPRING-7Q2' }])
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([])
  })

  it('keeps message_extras whose value prints empty, with a warning instead of a syntax error', () => {
    const result = engine.renderSync({
      template:
        "{% capture code %}{% promotion('spring') %}{% endcapture %}{% message_extras :key promo :value {{code}} %}",
      user: { external_id: 'u-1' },
      now: NOW,
    })
    expect(result.messageExtras).toEqual([{ key: 'promo', value: '' }])
    expect(result.problems.map((p) => p.code)).toContain('message-extras-empty')
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([])
  })
})
