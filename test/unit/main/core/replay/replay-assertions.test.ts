import { describe, expect, it } from 'vitest'
import { checkAnswer, rulesFor } from '../../../../../main/core/replay/replay-assertions'

const ok = (body: object, status = 201) => ({ status, text: JSON.stringify(body) })

describe('replay assertions', () => {
  it('by default pass a 2xx without errors', () => {
    expect(
      checkAnswer(rulesFor(undefined, []), ok({ message: 'success', attributes_processed: 1 })),
    ).toEqual([])
  })

  it("by default fail a 2xx that carries Braze's errors, naming each refused object", () => {
    const failures = checkAnswer(
      rulesFor(undefined, []),
      ok({
        message: 'success',
        errors: [
          {
            type: "'external_id' or 'braze_id' or 'user_alias' is required",
            input_array: 'attributes',
            index: 1,
          },
        ],
      }),
    )
    expect(failures).toEqual([
      "Braze refused attributes[1]: 'external_id' or 'braze_id' or 'user_alias' is required",
    ])
  })

  it('fails another status with what Braze said', () => {
    expect(checkAnswer(rulesFor(undefined, []), ok({ message: 'Invalid API key' }, 401))).toEqual([
      'Expected status 2xx, got 401 ("Invalid API key").',
    ])
  })

  it('checks expected values at JSON paths of the answer', () => {
    const rules = rulesFor({ response: { message: 'success', events_processed: 2 } }, [])
    expect(checkAnswer(rules, ok({ message: 'success', events_processed: 1 }))).toEqual([
      'Expected events_processed = 2 in the answer, got 1.',
    ])
  })

  it("lets a capture's own rules override the set's, by id or file name", () => {
    const assertions = { status: '2xx' as const, captures: { 'bad.json': { status: 400 } } }
    expect(rulesFor(assertions, ['01J', 'bad.json']).status).toBe(400)
    expect(rulesFor(assertions, ['01J', 'good.json']).status).toBe('2xx')
  })
})
