import { describe, expect, it } from 'vitest'
import {
  cloneKeepingFloats,
  parseJsonKeepingFloats,
  stringifyJsonKeepingFloats,
} from '../../../../shared/numbers/json-keeping-floats'
import { RubyFloat } from '../../../../shared/numbers/ruby-float'
import { JsonTooDeepError } from '../../../../shared/security/json-nesting'

describe('JSON that keeps whole Floats', () => {
  it('reads 2.0 as a Float and 2 as an Integer', () => {
    const value = parseJsonKeepingFloats('{"balance": 2.0, "visits": 2, "rate": 0.0725}') as Record<
      string,
      unknown
    >
    expect(value.balance).toStrictEqual(new RubyFloat(2))
    expect(value.visits).toBe(2)
    expect(value.rate).toBe(0.0725)
  })

  it('writes a whole Float as 2.0 and reads back what it wrote', () => {
    const text = '{"balance":2.0,"visits":2,"big":12345678901234567890123,"list":[1.0,-0.0]}'
    expect(stringifyJsonKeepingFloats(parseJsonKeepingFloats(text))).toBe(text)
  })

  it('indents like JSON.stringify', () => {
    expect(stringifyJsonKeepingFloats({ a: new RubyFloat(1) }, 2)).toBe('{\n  "a": 1.0\n}')
  })

  it('keeps the last of duplicate keys, as JSON.parse does', () => {
    expect(parseJsonKeepingFloats('{"a": 1, "a": 2.0}')).toStrictEqual({ a: new RubyFloat(2) })
  })

  it('refuses text nested deeper than the guard before parsing it', () => {
    expect(() => parseJsonKeepingFloats('['.repeat(300) + ']'.repeat(300))).toThrow(
      JsonTooDeepError,
    )
  })

  it('clones data without turning Floats into plain objects, as structuredClone would', () => {
    const data = parseJsonKeepingFloats('{"a": {"b": [2.0]}, "__proto__": {"x": 1}}') as {
      a: { b: unknown[] }
    }
    const copy = cloneKeepingFloats(data)
    expect(copy.a.b[0]).toBeInstanceOf(RubyFloat)
    expect(copy.a).not.toBe(data.a)
    expect(Object.keys(copy)).toEqual(['a', '__proto__'])
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
  })
})
