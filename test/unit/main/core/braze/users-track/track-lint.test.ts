import { describe, expect, it } from 'vitest'
import {
  jsonTemplateSourceMap,
  lintTrackBody,
} from '../../../../../../main/core/braze/users-track/track-lint'

const TIME = '2026-01-31T09:30:00Z'
/** Braze refuses a request with no valid object at all, so each body keeps one good object. */
const GOOD = { external_id: 'u-0', plan: 'gold' }
const lint = (body: Record<string, unknown>, options = {}) =>
  lintTrackBody(JSON.stringify({ attributes: [GOOD], ...body }, null, 2), options)
const codes = (body: Record<string, unknown>, options = {}) =>
  lint(body, options).problems.map((p) => p.code)
const event = (extra: Record<string, unknown> = {}) => ({
  external_id: 'u-1',
  name: 'ticket_solved',
  time: TIME,
  ...extra,
})

describe('lintTrackBody: the pre-flight lint of a /users/track body', () => {
  it('finds nothing in a body Braze takes as meant', () => {
    expect(lint({ attributes: [{ external_id: 'u-1', vip: true }], events: [event()] })).toEqual({
      problems: [],
      blocked: false,
    })
  })

  it('flags an object without an identifier as skipped, with its pointer and place', () => {
    const [problem] = lint({ events: [{ name: 'x', time: TIME }] }).problems
    expect(problem).toMatchObject({
      code: 'identifier-required',
      severity: 'error',
      pointer: '/events/0',
      path: 'events[0]',
      at: { line: 9, column: 5 },
    })
  })

  it('names an external_id an empty placeholder left blank, not only the missing identifier', () => {
    const problems = lint({ events: [event({ external_id: '' })] }).problems
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ['empty-external-id', '/events/0/external_id'],
    ])
  })

  it('counts 75 objects across the three arrays by default', () => {
    const attributes = Array.from({ length: 40 }, (_, i) => ({ external_id: `u-${i}` }))
    const events = Array.from({ length: 40 }, () => event())
    expect(codes({ attributes, events })).toEqual(['too-many-objects'])
  })

  it('counts per array when the profile says so', () => {
    const attributes = Array.from({ length: 40 }, (_, i) => ({ external_id: `u-${i}` }))
    const events = Array.from({ length: 40 }, () => event())
    expect(codes({ attributes, events }, { objects: { max: 75, per: 'array' } })).toEqual([])
  })

  it('applies a 50-object contract limit', () => {
    const attributes = Array.from({ length: 51 }, (_, i) => ({ external_id: `u-${i}` }))
    expect(codes({ attributes }, { objects: { max: 50, per: 'request' } })).toEqual([
      'too-many-objects',
    ])
  })

  it('refuses a body over 4 MB', () => {
    const body = JSON.stringify({ attributes: [{ external_id: 'u', note: 'x'.repeat(4_200_000) }] })
    expect(lintTrackBody(body).problems.map((p) => p.code)).toEqual(['body-too-large'])
  })

  it('flags an event time that is not ISO 8601', () => {
    expect(codes({ events: [event({ time: 'January 31, 2026 09:30' })] })).toEqual(['time-invalid'])
  })

  it('warns about "true" written as a string', () => {
    const [problem] = lint({ attributes: [GOOD, { external_id: 'u', vip: 'true' }] }).problems
    expect(problem).toMatchObject({
      code: 'boolean-as-string',
      severity: 'warning',
      pointer: '/attributes/1/vip',
    })
  })

  it("warns about Zendesk's display strings such as Solved, naming the API value", () => {
    const [problem] = lint({ attributes: [{ external_id: 'u', status: 'Solved' }] }).problems
    expect(problem?.code).toBe('zendesk-display-value')
    expect(problem?.message).toContain('"solved"')
  })

  it('flags reserved event property keys', () => {
    expect(codes({ events: [event({ properties: { time: 'x' } })] })).toEqual(['reserved-property'])
  })

  it('flags event property keys that start with $', () => {
    expect(codes({ events: [event({ properties: { $plan: 'gold' } })] })).toEqual([
      'property-key-invalid',
    ])
  })

  it('points at the line and column where the JSON breaks', () => {
    const { problems } = lintTrackBody('{\n  "attributes": [{"name": "José "Pepe""}]\n}')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ code: 'invalid-json', at: { line: 2 } })
  })

  it('checks bytes as sent and reports a body that is not UTF-8', () => {
    const bytes = new Uint8Array([0x7b, 0xff, 0x7d])
    expect(lintTrackBody(bytes).problems.map((p) => p.code)).toEqual(['invalid-utf8'])
  })

  it('takes bytes like text', () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({ attributes: [GOOD], events: [event({ time: 'x' })] }),
    )
    expect(lintTrackBody(bytes).problems.map((p) => p.code)).toEqual(['time-invalid'])
  })

  it('warns by default and blocks in strict mode', () => {
    const body = { attributes: [GOOD, { external_id: 'u', vip: 'true' }] }
    expect(lint(body).blocked).toBe(false)
    expect(lint(body, { strict: true }).blocked).toBe(true)
  })

  it('does not block in strict mode when there is nothing to say', () => {
    expect(lint({ events: [event()] }, { strict: true }).blocked).toBe(false)
  })

  it('points at the template line when given a source map of a JSON template', () => {
    const template = [
      '{',
      '  "events": [{',
      '    "external_id": "{{ticket.requester.external_id}}",',
      '    "name": "ticket_solved",',
      '    "time": "{{ticket.updated_at}}"',
      '  }]',
      '}',
    ].join('\n')
    const body = lint(
      { events: [event({ time: 'January 31, 2026 09:30' })] },
      {
        sourceMap: jsonTemplateSourceMap(template),
      },
    )
    expect(body.problems[0]?.templateAt).toEqual({ line: 5, column: 5 })
  })

  it('asks a source map with the pointer and the body offset', () => {
    const seen: Array<[string, number | undefined]> = []
    lint(
      { events: [event({ time: 'x' })] },
      {
        sourceMap: (place: { pointer: string; at: { offset: number } | null }) => {
          seen.push([place.pointer, place.at?.offset])
          return { line: 9, column: 1 }
        },
      },
    )
    expect(seen).toEqual([['/events/0/time', expect.any(Number)]])
  })

  it('leaves templateAt null without a source map', () => {
    expect(lint({ events: [event({ time: 'x' })] }).problems[0]?.templateAt).toBeNull()
  })
})
