import { describe, expect, it } from 'vitest'
import { JsonLocator, maskLiquid } from '../../../shared/json-locate'

describe('JsonLocator', () => {
  const text = '{\n  "a": [\n    {"b": 1},\n    2\n  ]\n}'

  it("finds an object member at its key's first character", () => {
    expect(new JsonLocator(text).locate(['a', 0, 'b'])).toEqual({ line: 3, column: 6, offset: 16 })
  })

  it('finds an array item at its first character', () => {
    expect(new JsonLocator(text).locate(['a', 1])).toMatchObject({ line: 4, column: 5 })
  })

  it('answers null for a path the text lacks, or its nearest ancestor when asked', () => {
    const locator = new JsonLocator(text)
    expect(locator.locate(['a', 5])).toBeNull()
    expect(locator.locate(['a', 5], true)).toMatchObject({ line: 2, column: 3 })
  })

  it('finds literal paths in a template whose values are placeholders', () => {
    const template = '{\n  "id": {{ticket.id}},\n  "name": "{{ticket.title}}"\n}'
    expect(new JsonLocator(maskLiquid(template)).locate(['name'])).toMatchObject({
      line: 3,
      column: 3,
    })
  })

  it('masks Liquid tags without moving any character', () => {
    const template = '{"a": {{x}},\n{% if y %}"b": "{{z}}"{% endif %}}'
    const masked = maskLiquid(template)
    expect(masked).toHaveLength(template.length)
    expect(JSON.parse(masked.replace(/\b0+\b/g, '0'))).toEqual({ a: 0, b: '0' })
  })
})
