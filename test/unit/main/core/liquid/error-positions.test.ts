import { describe, expect, it } from 'vitest'
import { createBrazeLiquid } from '../../../../../main/core/liquid/braze-liquid'
import { FIXED_NOW, fixtureUser } from '../../../../helpers/liquid-fixtures'

const engine = createBrazeLiquid({ clock: () => FIXED_NOW })
const ada = fixtureUser('u-1001')

/** Where each error is, as [code, line, column]. */
function errors(template: string) {
  return engine
    .renderSync({ template, user: ada })
    .problems.filter((p) => p.severity === 'error')
    .map((p) => [p.code, p.line, p.column])
}

// Every rewrite before the error changes the code's length: `${first_name}` becomes
// `__braze_user.first_name`, `${zip code}` a quoted key. Positions must still be the user's.
const REWRITES = '{{${first_name}}} {{custom_attribute.${zip code}}} {{event_properties.${a+b}}}'

describe('error positions in the original template', () => {
  it('maps an unknown filter error to its column after rewrites on the same line', () => {
    expect(errors(`${REWRITES} {{ x | bogus }}`)).toEqual([['unknown-filter', 1, 87]])
  })

  it('maps an unknown filter error to line 3 column 12 after rewrites on earlier lines', () => {
    expect(errors(`${REWRITES}\n{{${'$'}{last_name}}}\nHello {{ x | bogus }}`)).toEqual([
      ['unknown-filter', 3, 14],
    ])
  })

  it('maps an unclosed block found by liquidjs back to its opening tag', () => {
    expect(
      errors(`${REWRITES}\n{{${'$'}{city}}} {% if custom_attribute.${'$'}{vip} %}yes`),
    ).toEqual([['unclosed-block', 2, 13]])
  })

  it('maps a syntax error liquidjs finds inside an output to the offending character', () => {
    expect(errors(`${REWRITES} {{ a | plus: 1 2 }}`)).toEqual([['liquid-syntax', 1, 95]])
  })

  it('maps a dialect error inside a tag after rewrites on the same line', () => {
    expect(errors(`${REWRITES} {% if a = 1 %}x{% endif %}`)).toEqual([['single-equals', 1, 88]])
  })

  it('maps a render error to the output that raised it', () => {
    expect(errors(`${REWRITES}\n  {{ 10 | divided_by: 0 }}`)).toEqual([['liquid-error', 2, 3]])
  })

  it('maps an unclosed output and an unclosed tag to where they start', () => {
    expect(errors(`${REWRITES}\nok {{ x`)).toEqual([['unclosed-output', 2, 4]])
    expect(errors(`${REWRITES}\nok {% if x`)).toEqual([['unclosed-tag', 2, 4]])
  })

  it('reports a {{ left open inside a JSON string at the {{, not where the quote runs out', () => {
    const template = [
      "{% assign ticket_subject = 'Hello' %}",
      '{',
      '"ticket": {',
      '  "comment": {"body": "hi"},',
      '  "requester": {"name": "{{${first_name}}}"},',
      '  "subject": "{{ticket_subject",',
      '  "priority": "normal",',
      '  "status": "{{ ticket_status }}"',
      '  }',
      '}',
    ].join('\n')
    expect(errors(template)).toEqual([['unclosed-output', 6, 15]])
    expect(errors(template.replace('"{{ ticket_status }}"', '"new"'))).toEqual([
      ['unclosed-output', 6, 15],
    ])
  })

  it('still reports an unclosed string inside an output that closes on its line', () => {
    expect(errors('{{ "abc }}\nnext')).toEqual([['unclosed-string', 1, 4]])
  })

  it('maps an error inside connected_content markup to the exact character', () => {
    expect(
      errors(`${REWRITES}\n{% connected_content https://x.io/{{${'$'}{user_id}}} junk %}`),
    ).toEqual([['tag-syntax', 2, 50]])
  })

  it('maps an end tag without an opening tag', () => {
    expect(errors(`${REWRITES}\n\n   {% endif %}`)).toEqual([['unmatched-end-tag', 3, 4]])
  })

  it('reports a curly quote in a tag at the quote', () => {
    expect(errors(`${REWRITES} {% assign a = \u201chi\u201d %}`)).toEqual([
      ['curly-quote', 1, 94],
      ['curly-quote', 1, 97],
    ])
  })
})

describe('error messages', () => {
  it('speaks the dialect, not the rewrite', () => {
    const result = engine.renderSync({ template: '{% if ${first_name} %}', user: ada })
    expect(result.problems[0]?.message).toBe('{% if %} is never closed.')
    expect(result.problems[0]?.fix).toBe('Add {% endif %} where the block should end.')
  })

  it('names an unsupported filter and what to use instead', () => {
    const [problem] = engine.renderSync({
      template: '{{ ${first_name} | lstrip }}',
      user: ada,
    }).problems
    expect(problem).toEqual({
      severity: 'error',
      code: 'unsupported-filter',
      message:
        'Braze does not support the filter "lstrip" (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/).',
      line: 1,
      column: 20,
      fix: 'Use strip (Braze supports strip, but not lstrip).',
    })
  })

  it('suggests the closest filter for a typo', () => {
    const [problem] = engine.renderSync({ template: '{{ x | upcse }}', user: ada }).problems
    expect(problem?.fix).toBe('Did you mean "upcase"?')
  })

  it('renders nothing when the template has errors', () => {
    expect(engine.renderSync({ template: 'Hi {{ x | bogus }}', user: ada }).output).toBe('')
  })
})
