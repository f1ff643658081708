import { performance } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { createBrazeLiquid } from '../../../../../main/core/liquid/braze-liquid'
import {
  DEFAULT_RENDER_LIMITS,
  type RenderLimits,
} from '../../../../../main/core/liquid/render-limits'

const user = { external_id: 'u-1', first_name: 'Ada' }
/** The template of the issue: ten billion turns of a loop that writes one character each. */
const RUNAWAY = '{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}'

function render(template: string, limits: Partial<RenderLimits> = {}) {
  const liquid = createBrazeLiquid({ limits: { ...DEFAULT_RENDER_LIMITS, ...limits } })
  const started = performance.now()
  const result = liquid.renderSync({ template, user })
  return { result, ms: performance.now() - started }
}

describe('render limits', () => {
  it('stops a runaway loop at its time limit, with an error at the loop that was running', () => {
    const { result, ms } = render(RUNAWAY, { timeMs: 300 })
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'render-limit',
        message: 'The render stopped after 300 ms, its time limit.',
        line: 1,
      }),
    ])
    // The piece about to run when time was up: either loop, or the text inside the inner one.
    expect([1, 27, 53]).toContain(result.problems[0]?.column)
    expect(ms).toBeLessThan(300 + 1_000)
  })

  it('stops a render whose output passes its size limit at the piece writing, keeping none of it', () => {
    const template = 'Start\n{% for i in (1..200000) %}{{ "0123456789" }}{% endfor %}'
    const { result } = render(template, { outputChars: 1024 * 1024 })
    expect(result.output.length).toBe(0)
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'render-limit',
        message: 'The render stopped after the output reached 1 MB, its size limit.',
        line: 2,
        column: 27,
      }),
    ])
  })

  it('stops a range larger than its memory limit before building it', () => {
    const { result, ms } = render('{% for i in (1..500000000) %}{% endfor %}', {
      memoryItems: 1_000_000,
    })
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'render-limit',
        message:
          'The render stopped after building 1 million list entries, characters and output pieces, its memory limit.',
        line: 1,
        column: 1,
      }),
    ])
    expect(ms).toBeLessThan(1_000)
  })

  it('counts the output pieces a render records against its memory limit', () => {
    const { result } = render('{% for i in (1..100000) %}x{% endfor %}', {
      memoryItems: 1_000_000,
    })
    expect(result.problems.map((p) => p.code)).toEqual(['render-limit'])
  })

  it('gives the body and its headers one deadline between them', () => {
    const liquid = createBrazeLiquid({ limits: { ...DEFAULT_RENDER_LIMITS, timeMs: 300 } })
    const slow = '{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}'
    const started = performance.now()
    const result = liquid.renderSync({
      template: slow,
      headers: { 'X-One': slow, 'X-Two': slow },
      user,
    })
    expect(result.problems.filter((p) => p.code === 'render-limit')).toHaveLength(3)
    expect(performance.now() - started).toBeLessThan(300 + 1_000)
  })

  it('leaves an ordinary template alone', () => {
    const { result } = render('{% for i in (1..3) %}{{ i }}{% endfor %} {{${first_name}}}')
    expect(result).toMatchObject({ output: '123 Ada', problems: [] })
  })
})
