import { ORPCError } from '@orpc/server'
import { describe, expect, it } from 'vitest'
import { toApiError } from '../../../../main/api/errors'

const SECRET = 'zd-token-UNIT-0a1b2c3d4e5f'

function mapped(error: unknown) {
  const reported: unknown[] = []
  const result = toApiError(error, [SECRET], (fault) => reported.push(fault))
  if (!(result instanceof ORPCError)) throw new Error('expected an ORPCError')
  return { code: result.code, message: result.message, reported }
}

describe('toApiError', () => {
  it('passes an engine error on as BAD_REQUEST with its message, secrets masked', () => {
    const out = mapped(new Error(`No profile with id "x" (token ${SECRET}).`))
    expect(out.code).toBe('BAD_REQUEST')
    expect(out.message).toContain('No profile with id "x"')
    expect(out.message).not.toContain(SECRET)
    expect(out.reported).toEqual([])
  })

  it('keeps a coded Node TypeError (a bad URL the caller gave) as an ordinary error', () => {
    let error: unknown
    try {
      new URL('not a url')
    } catch (caught) {
      error = caught
    }
    expect(mapped(error)).toMatchObject({ code: 'BAD_REQUEST', reported: [] })
  })

  it.each([
    ['a runtime TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a stack overflow', new RangeError('Maximum call stack size exceeded')],
    ['a thrown string', 'boom'],
  ])('reports %s as a bug and tells the caller where the details are', (_kind, error) => {
    const out = mapped(error)
    expect(out.code).toBe('INTERNAL_SERVER_ERROR')
    expect(out.message).toMatch(/unexpectedly.*log/)
    expect(out.reported).toEqual([error])
  })
})
