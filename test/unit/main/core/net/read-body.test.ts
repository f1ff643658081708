import { describe, expect, it } from 'vitest'
import { parseJson } from '../../../../../main/core/net/read-body'

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

describe('parseJson (request bodies)', () => {
  it('parses an empty body as {}', () => {
    expect(parseJson(Buffer.alloc(0))).toEqual({ ok: true, value: {} })
  })

  it('accepts nesting up to 100 and refuses 101 with Ruby’s wording', () => {
    expect(parseJson(Buffer.from(nested(100))).ok).toBe(true)
    expect(parseJson(Buffer.from(nested(101)))).toEqual({
      ok: false,
      error: 'nesting of 101 is too deep',
    })
  })

  it('refuses a document far too deep to walk without reading it all', () => {
    expect(parseJson(Buffer.from(`[${nested(1_000_000)}]`))).toMatchObject({ ok: false })
  })

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ a: `${'['.repeat(500)}\\"${'{'.repeat(500)}` })
    expect(parseJson(Buffer.from(text)).ok).toBe(true)
  })

  it('refuses invalid UTF-8 instead of replacing it', () => {
    const body = Buffer.concat([
      Buffer.from('{"a": "'),
      Buffer.from([0xc0, 0xaf]),
      Buffer.from('"}'),
    ])
    expect(parseJson(body)).toEqual({ ok: false, error: 'the body is not valid UTF-8' })
  })

  it('still refuses a body that starts with a byte order mark', () => {
    expect(parseJson(Buffer.from('\uFEFF{}')).ok).toBe(false)
  })
})
