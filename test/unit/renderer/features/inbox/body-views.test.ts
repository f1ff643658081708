import { describe, expect, it } from 'vitest'
import {
  bodyBytes,
  formFields,
  hexDump,
  linesAround,
  prettyJson,
} from '../../../../../renderer/src/features/inbox/body-views'

describe('the body views', () => {
  it('decodes a base64 body to its exact bytes', () => {
    const bytes = bodyBytes({ encoding: 'base64', data: '/+4A', size: 3, truncated: false })
    expect([...bytes]).toEqual([0xff, 0xee, 0x00])
  })

  it('dumps bytes as offset, hex in two groups of eight and printable ASCII', () => {
    const bytes = new TextEncoder().encode('{"a": 1}')
    const withBinary = new Uint8Array([...bytes, 0xff, 0xfe, 0x00])
    expect(hexDump(withBinary)).toBe(
      '00000000  7b 22 61 22 3a 20 31 7d  ff fe 00                 |{"a": 1}...|',
    )
  })

  it('starts a new line every 16 bytes and stops at the limit', () => {
    const dump = hexDump(new Uint8Array(40), 32)
    expect(dump.split('\n').map((line) => line.slice(0, 8))).toEqual(['00000000', '00000010'])
  })

  it('re-indents JSON keeping a 19-digit id digit for digit', () => {
    expect(prettyJson('{"id":1234567890123456789}')).toBe('{\n  "id": 1234567890123456789\n}')
  })

  it('gives no pretty view for text that is not JSON', () => {
    expect(prettyJson('{"a": 1,,}')).toBeUndefined()
  })

  it('keeps form fields in order with duplicates', () => {
    expect(formFields('a=1&b=x+y&a=2')).toEqual([
      ['a', '1'],
      ['b', 'x y'],
      ['a', '2'],
    ])
  })

  it('finds the line of a parse error, clamped to the text', () => {
    expect(linesAround('a\r\nb\nc', 2)).toEqual({ lines: ['a', 'b', 'c'], index: 1 })
    expect(linesAround('a', 9).index).toBe(0)
  })
})
