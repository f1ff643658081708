import { parseTree } from 'jsonc-parser'
import { describe, expect, it } from 'vitest'
import {
  assertJsonDepth,
  assertValueDepth,
  findTooDeepJson,
  findTooDeepValue,
  JsonTooDeepError,
  MAX_JSON_DEPTH,
} from '../../../../shared/security/json-nesting'

const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth)

/** `[{a: [{a: … 1}]}]`: arrays and objects by turns, an array outermost. */
function deepValue(depth: number): unknown {
  let value: unknown = 1
  for (let level = depth; level > 0; level--) value = level % 2 ? [value] : { a: value }
  return value
}

describe('findTooDeepJson', () => {
  it('accepts text nested exactly to the limit', () => {
    expect(findTooDeepJson(nested(MAX_JSON_DEPTH))).toBeUndefined()
    expect(findTooDeepJson(nested(MAX_JSON_DEPTH, '{"a":', '}'))).toBeUndefined()
  })

  it('finds the first bracket past the limit, with its line and column', () => {
    // The outer object is level 1, so the 256th "[" opens level 257.
    const text = `{\n  "users": ${nested(300)}\n}`
    const firstBracket = { offset: 13, column: 12 }
    expect(findTooDeepJson(text)).toEqual({
      offset: firstBracket.offset + MAX_JSON_DEPTH - 1,
      line: 2,
      column: firstBracket.column + MAX_JSON_DEPTH - 1,
    })
  })

  it('checks 200,000 levels in linear time, where a parse tree overflows the stack', () => {
    const text = nested(200_000)
    expect(() => parseTree(text)).toThrow(RangeError)
    const started = performance.now()
    expect(findTooDeepJson(text)?.column).toBe(MAX_JSON_DEPTH + 1)
    expect(performance.now() - started).toBeLessThan(500)
  })

  it.each([
    ['a string', `["${'['.repeat(1000)}"]`],
    ['a string with escaped quotes', `["\\"${'['.repeat(1000)}"]`],
    ['a line comment', `// ${'['.repeat(1000)}\n[]`],
    ['a block comment', `/* ${'['.repeat(1000)} */ []`],
  ])('does not count brackets inside %s', (_where, text) => {
    expect(findTooDeepJson(text)).toBeUndefined()
  })

  it('counts brackets after a string a line break cut off, as a lenient parser reads them', () => {
    expect(findTooDeepJson(`["cut off\n${nested(300)}`)).toMatchObject({ line: 2 })
  })

  it('lets a caller choose a smaller limit', () => {
    expect(findTooDeepJson('[[[]]]', 2)).toMatchObject({ column: 3 })
  })
})

describe('assertJsonDepth', () => {
  it('throws a typed error naming the limit and the line', () => {
    const error = (() => {
      try {
        assertJsonDepth(`\n\n${nested(1000)}`)
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(JsonTooDeepError)
    expect((error as Error).message).toBe(
      `nested too deeply (more than ${MAX_JSON_DEPTH} levels of arrays and objects) at line 3, column ${MAX_JSON_DEPTH + 1}`,
    )
  })
})

describe('findTooDeepValue', () => {
  it('accepts data nested exactly to the limit', () => {
    expect(findTooDeepValue(deepValue(MAX_JSON_DEPTH))).toBeUndefined()
  })

  it('gives the path to the first array or object past the limit, for 200,000 levels', () => {
    const path = findTooDeepValue({ user: { custom_attributes: { x: deepValue(200_000) } } })
    expect(path?.slice(0, 5)).toEqual(['user', 'custom_attributes', 'x', 0, 'a'])
    expect(path).toHaveLength(MAX_JSON_DEPTH)
  })

  it('ignores wide data that is not deep', () => {
    const wide = { rows: Array.from({ length: 10_000 }, (_, i) => ({ id: i, tags: ['a', 'b'] })) }
    expect(findTooDeepValue(wide)).toBeUndefined()
  })
})

describe('assertValueDepth', () => {
  it('throws a typed error with a shortened field path', () => {
    expect(() => assertValueDepth({ user: { x: deepValue(1000) } })).toThrow(
      new JsonTooDeepError('user.x.0.a.0.…'),
    )
  })
})
