import { describe, expect, it } from 'vitest'
import {
  InvalidJsonPathError,
  PathMatcher,
  parsePathRule,
} from '../../../../../main/core/diff/ignore-rules'

function matches(pattern: string, path: Array<string | number>): boolean {
  const matcher = new PathMatcher([parsePathRule(pattern)])
  let state = matcher.start()
  for (const segment of path) state = matcher.step(state, segment)
  return matcher.matched(state) !== undefined
}

describe('ignore path rules', () => {
  it('anchors a plain path at the root of the body', () => {
    expect(matches('events[0].time', ['events', 0, 'time'])).toBe(true)
    expect(matches('events[0].time', ['x', 'events', 0, 'time'])).toBe(false)
    expect(matches('events[0].time', ['events', 1, 'time'])).toBe(false)
  })

  it('lets * stand for any one key or index', () => {
    expect(matches('events[*].time', ['events', 7, 'time'])).toBe(true)
    expect(matches('*.id', ['ticket', 'id'])).toBe(true)
    expect(matches('*.id', ['a', 'b', 'id'])).toBe(false)
  })

  it('lets ** stand for any depth, including none', () => {
    expect(matches('**.updated_at', ['updated_at'])).toBe(true)
    expect(matches('**.updated_at', ['ticket', 'comments', 3, 'updated_at'])).toBe(true)
    expect(matches('**.updated_at', ['ticket', 'updated_at_with_timestamp'])).toBe(false)
  })

  it('reads quoted keys with dots and spaces', () => {
    expect(matches('properties["my key.x"]', ['properties', 'my key.x'])).toBe(true)
  })

  it('refuses a pattern it cannot read, saying how to write one', () => {
    expect(() => parsePathRule('events[')).toThrow(InvalidJsonPathError)
    expect(() => parsePathRule('events[abc]')).toThrow(/neither an index/)
    expect(() => parsePathRule('.x')).toThrow(/events\[\*\]\.time/)
  })
})
