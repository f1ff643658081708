import { describe, expect, it } from 'vitest'
import { LineIndex, SourceMapBuilder } from '../../../../../main/core/liquid/source-map'

describe('SourceMapBuilder', () => {
  it('maps copied text back character for character', () => {
    const original = 'Hello {{x}} world'
    const builder = new SourceMapBuilder(original)
    builder.copy(0, 8)
    builder.emit('LONG_REPLACEMENT', 8)
    builder.copy(9, original.length)
    const { code, map } = builder.build()
    expect(code).toBe('Hello {{LONG_REPLACEMENT}} world')
    expect(map.toOriginal(code.indexOf('world'))).toBe(original.indexOf('world'))
    expect(map.toOriginal(code.indexOf('}}'))).toBe(original.indexOf('}}'))
  })

  it('maps every character of generated text to the place it replaced', () => {
    const builder = new SourceMapBuilder('ab${x}cd')
    builder.copy(0, 2)
    builder.emit('__scope.x', 2)
    builder.copy(6, 8)
    const { code, map } = builder.build()
    expect(map.toOriginal(code.indexOf('scope'))).toBe(2)
    expect(map.toOriginal(code.indexOf('cd'))).toBe(6)
  })

  it('finds where an original offset ended up in the code', () => {
    const builder = new SourceMapBuilder('0123456789')
    builder.copy(0, 3)
    builder.emit('XYZXYZ', 3)
    builder.copy(5, 10)
    const { map } = builder.build()
    expect(map.toGenerated(7)).toBe(3 + 6 + 2)
  })
})

describe('LineIndex', () => {
  it('gives 1-based lines and columns', () => {
    const lines = new LineIndex('ab\ncde\n\nf')
    expect(lines.position(0)).toEqual({ line: 1, column: 1 })
    expect(lines.position(4)).toEqual({ line: 2, column: 2 })
    expect(lines.position(8)).toEqual({ line: 4, column: 1 })
  })
})
