import { describe, expect, it } from 'vitest'
import { createBrazeLiquid } from '../../../../../../main/core/liquid/braze-liquid'

const engine = createBrazeLiquid()
const render = (template: string) => engine.renderSync({ template, user: { external_id: 'u-1' } })

describe('{% abort_message %}', () => {
  it.each([
    ['{% abort_message %}', '{% abort_message %} called'],
    ['{% abort_message() %}', '{% abort_message %} called'],
    ['{% abort_message () %}', '{% abort_message %} called'],
    ["{% abort_message('No IDFA or AAID available') %}", 'No IDFA or AAID available'],
    ['{% abort_message("Email is blocked") %}', 'Email is blocked'],
  ])('%s aborts with the reason "%s"', (template, reason) => {
    expect(render(`Before ${template} after`).aborted).toEqual({ reason })
  })

  it('does not print the reason or anything else: Braze sends nothing', () => {
    const result = render("Hello {% abort_message('secret reason') %} world")
    expect(result.output).toBe('')
    expect(JSON.stringify(result.problems)).not.toContain('Hello')
  })

  it('says where the abort happened', () => {
    const result = render("a\n  {% if true %}{% abort_message('stop') %}{% endif %}")
    expect(result.problems).toEqual([
      {
        severity: 'info',
        code: 'message-aborted',
        message: 'abort_message ran: Braze would not send this message ("stop").',
        line: 2,
        column: 16,
        fix: 'Expected if this user should not get the message; otherwise check the condition that leads here.',
      },
    ])
  })

  it('only aborts when the branch runs', () => {
    const result = render("{% if false %}{% abort_message('no') %}{% endif %}sent")
    expect(result).toMatchObject({ aborted: null, output: 'sent' })
  })

  it('rejects a reason that is not a plain quoted string, at the markup', () => {
    const [problem] = render('{% abort_message({{x}}) %}').problems
    expect(problem).toMatchObject({ severity: 'error', code: 'tag-syntax', line: 1, column: 17 })
    expect(problem?.message).toContain('plain string without Liquid')
  })
})
