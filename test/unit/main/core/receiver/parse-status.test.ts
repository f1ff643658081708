import { describe, expect, it } from 'vitest'
import { parseStatus } from '../../../../../main/core/receiver/parse-status'

const json = 'application/json; charset=utf-8'

describe('reading a captured body by its content type', () => {
  it('flags malformed JSON with the line and column of the first problem', () => {
    const body = Buffer.from('{\n  "ticket": {\n    "title": "He said "hi""\n  }\n}')
    const status = parseStatus(json, body)
    expect(status).toMatchObject({ kind: 'json', ok: false })
    expect(status.error?.at).toMatchObject({ line: 3, column: 24 })
  })

  it('accepts JSON, form and XML bodies that parse', () => {
    expect(parseStatus(json, Buffer.from('{"a":1}'))).toEqual({
      kind: 'json',
      ok: true,
      error: null,
    })
    expect(parseStatus('application/x-www-form-urlencoded', Buffer.from('a=1&b=%20')).ok).toBe(true)
    expect(parseStatus('application/xml', Buffer.from('<ticket><id>1</id></ticket>')).ok).toBe(true)
  })

  it('places an XML error', () => {
    const status = parseStatus('application/xml', Buffer.from('<ticket>\n<id>1</ticket>'))
    expect(status).toMatchObject({ kind: 'xml', ok: false, error: { at: { line: 2 } } })
  })

  it('flags a bad percent escape in a form body', () => {
    expect(parseStatus('application/x-www-form-urlencoded', Buffer.from('a=%G1'))).toMatchObject({
      ok: false,
      error: { at: { line: 1, column: 3 } },
    })
  })

  it('keeps bytes that are not UTF-8 as binary', () => {
    expect(parseStatus(json, Buffer.from([0x7b, 0xff, 0x7d]))).toMatchObject({
      kind: 'binary',
      ok: false,
    })
  })

  it('reads an untyped body by its first character, and an empty one as empty', () => {
    expect(parseStatus(null, Buffer.from(' [1,2]')).kind).toBe('json')
    expect(parseStatus(null, Buffer.from('<a/>')).kind).toBe('xml')
    expect(parseStatus(null, Buffer.from('hello')).kind).toBe('text')
    expect(parseStatus(json, Buffer.alloc(0)).kind).toBe('empty')
  })
})
