import { describe, expect, it } from 'vitest'
import type { DiffMessage } from '../../../../../shared/contract/diffs'
import type { RawHeaders } from '../../../../../shared/contract/raw-http'
import { diffMessages } from '../../../../../main/core/diff/message-diff'
import { MAX_MATCHED_ARRAY_CELLS } from '../../../../../main/core/diff/json-diff'

function message(
  body: string | object,
  headers: RawHeaders = [['content-type', 'application/json']],
): DiffMessage {
  const data = typeof body === 'string' ? body : JSON.stringify(body)
  return {
    label: 'side',
    startLine: 'POST /hooks/braze/users/track',
    headers,
    body: { encoding: 'utf8', data, size: Buffer.byteLength(data), truncated: false },
  }
}

const track = (overrides: Record<string, unknown> = {}, time = '2026-11-30T10:00Z') => ({
  attributes: [{ external_id: 'u-1001', zendesk_last_ticket_status: 'Solved', ...overrides }],
  events: [{ external_id: 'u-1001', name: 'zendesk_ticket_solved', time }],
})

describe('diffMessages: JSON bodies', () => {
  it('ignores object key order', () => {
    const diff = diffMessages({
      left: message('{"a":1,"b":{"c":2,"d":3}}'),
      right: message('{"b":{"d":3,"c":2},"a":1}'),
    })
    expect(diff.body).toMatchObject({ mode: 'json', changes: [] })
    expect(diff.identical).toBe(true)
  })

  it('lists a changed field by its JSON path with both values', () => {
    const diff = diffMessages({
      left: message(track()),
      right: message(track({ zendesk_last_ticket_status: 'solved' })),
    })
    expect(diff.identical).toBe(false)
    expect(diff.body.mode === 'json' && diff.body.changes).toEqual([
      {
        kind: 'changed',
        path: 'attributes[0].zendesk_last_ticket_status',
        segments: ['attributes', 0, 'zendesk_last_ticket_status'],
        left: 'Solved',
        right: 'solved',
        summary: '"Solved" → "solved"',
      },
    ])
  })

  it('leaves volatile fields out by default but still reports that they changed', () => {
    const diff = diffMessages({
      left: message(track({}, '2026-11-30T10:00Z')),
      right: message(track({}, '2026-11-30T11:30Z')),
    })
    expect(diff.identical).toBe(true)
    expect(diff.body.mode === 'json' && diff.body.ignored).toEqual([
      {
        path: 'events[0].time',
        rule: '**.time',
        summary: '"2026-11-30T10:00Z" → "2026-11-30T11:30Z"',
      },
    ])
  })

  it('compares volatile fields too when the defaults are switched off', () => {
    const diff = diffMessages({
      left: message(track({}, 'a')),
      right: message(track({}, 'b')),
      options: { useDefaultIgnores: false },
    })
    expect(diff.body.mode === 'json' && diff.body.changes.map((c) => c.path)).toEqual([
      'events[0].time',
    ])
  })

  it('leaves out the paths given in the options', () => {
    const diff = diffMessages({
      left: message(track({ zendesk_last_ticket_id: '1' })),
      right: message(track({ zendesk_last_ticket_id: '2' })),
      options: { ignorePaths: ['attributes[*].zendesk_last_ticket_id'] },
    })
    expect(diff.identical).toBe(true)
  })

  it('matches array items by an identifying key, so a reordered list is moves, not edits', () => {
    const users = [
      { id: 1, name: 'Ada' },
      { id: 2, name: 'Grace' },
      { id: 3, name: 'Edsger' },
    ]
    const diff = diffMessages({
      left: message({ users }),
      right: message({ users: [users[2], users[0], { ...users[1], name: 'Grace H.' }] }),
    })
    const kinds =
      diff.body.mode === 'json' ? diff.body.changes.map((c) => `${c.kind} ${c.path}`) : []
    expect(kinds).toContain('changed users[2].name')
    expect(kinds.some((k) => k.startsWith('moved'))).toBe(true)
    expect(kinds.filter((k) => k.startsWith('added') || k.startsWith('removed'))).toEqual([])
  })

  it('matches items without an identifying key by position, showing field-level changes', () => {
    const diff = diffMessages({
      left: message({ attributes: [{ external_id: 'u-1', plan: 'gold' }] }),
      right: message({ attributes: [{ external_id: '', plan: 'gold' }] }),
    })
    expect(diff.body.mode === 'json' && diff.body.changes.map((c) => c.path)).toEqual([
      'attributes[0].external_id',
    ])
  })

  it('compares very long arrays position by position, and says so', () => {
    const size = Math.ceil(Math.sqrt(MAX_MATCHED_ARRAY_CELLS)) + 1
    const left = Array.from({ length: size }, (_, i) => i)
    const right = [-1, ...left.slice(1)]
    const started = performance.now()
    const diff = diffMessages({ left: message({ ids: left }), right: message({ ids: right }) })
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(diff.body.mode === 'json' && diff.body.changes.map((c) => c.path)).toEqual(['ids[0]'])
    expect(diff.notes.join(' ')).toMatch(/ids has 1,001 items .* compared position by position/)
  })

  it('falls back to a line diff, with a note, when one side is not JSON', () => {
    const diff = diffMessages({ left: message('{"a":1}'), right: message('{"a":1,}') })
    expect(diff.body.mode).toBe('text')
    expect(diff.notes).toContain(
      'The right body is not JSON, so the bodies are compared line by line.',
    )
  })

  it('compares form-encoded bodies field by field', () => {
    const form: RawHeaders = [['Content-Type', 'application/x-www-form-urlencoded']]
    const diff = diffMessages({
      left: message('a=1&b=2&b=3', form),
      right: message('b=2&b=4&a=1', form),
    })
    expect(diff.body.mode === 'json' && diff.body.changes.map((c) => c.summary)).toEqual([
      'removed "3"',
      'added "4"',
    ])
  })
})

describe('diffMessages: secrets', () => {
  it('never shows a credential-named body field, yet still sees that it changed', () => {
    const secret = 'brz-live-0123456789abcdef0123456789abcdef'
    const diff = diffMessages({
      left: message({ api_key: 'brz-live-ffffffffffffffffffffffffffff9999', a: 1 }),
      right: message({ api_key: secret, a: 1 }),
    })
    expect(JSON.stringify(diff)).not.toContain(secret.slice(0, 20))
    expect(diff.body.mode === 'json' && diff.body.changes.map((c) => c.path)).toEqual(['api_key'])
  })
})

describe('diffMessages: other bodies', () => {
  it('gives a line diff with context for text bodies', () => {
    const left = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'].join('\n')
    const right = left.replace('five', 'FIVE')
    const diff = diffMessages({
      left: message(left, [['content-type', 'text/plain']]),
      right: message(right, [['content-type', 'text/plain']]),
    })
    expect(diff.body).toMatchObject({ mode: 'text', inserted: 1, deleted: 1 })
    const hunk = diff.body.mode === 'text' ? diff.body.hunks[0] : undefined
    expect(hunk).toMatchObject({ leftStart: 2, rightStart: 2, leftLines: 7, rightLines: 7 })
    expect(hunk?.lines.filter((l) => l.op !== 'equal')).toEqual([
      { op: 'delete', text: 'five', left: 5, right: null },
      { op: 'insert', text: 'FIVE', left: null, right: 5 },
    ])
  })

  it('compares non-UTF-8 bodies by size and digest', () => {
    const bytes = (data: string): DiffMessage => ({
      ...message(''),
      body: {
        encoding: 'base64',
        data,
        size: Buffer.from(data, 'base64').length,
        truncated: false,
      },
    })
    const diff = diffMessages({ left: bytes('/w=='), right: bytes('/g==') })
    expect(diff.body).toMatchObject({ mode: 'binary', leftSize: 1, rightSize: 1 })
    expect(diff.identical).toBe(false)
  })
})

describe('diffMessages: headers', () => {
  it('shows a change of letter case, of order and of duplicates, and ignores volatile ones', () => {
    const diff = diffMessages({
      left: message({}, [
        ['Content-Type', 'application/json'],
        ['X-Zendesk-Webhook-Signature', 'abc='],
        ['X-Custom', 'a'],
        ['X-Custom', 'b'],
        ['Accept', '*/*'],
      ]),
      right: message({}, [
        ['accept', '*/*'],
        ['content-type', 'application/json'],
        ['x-zendesk-webhook-signature', 'xyz='],
        ['x-custom', 'a, b'],
      ]),
    })
    const row = (name: string) => diff.headers.rows.find((r) => r.name === name)
    expect(row('content-type')?.changes).toEqual(['case'])
    expect(row('x-custom')?.changes).toEqual(expect.arrayContaining(['count', 'value', 'case']))
    expect(row('x-zendesk-webhook-signature')).toMatchObject({ ignored: true })
    expect(diff.headers.orderChanged).toBe(true)
    expect(diff.headers.rows.map((r) => r.name)).toEqual([
      'accept',
      'content-type',
      'x-zendesk-webhook-signature',
      'x-custom',
    ])
    expect(diff.headers.changed).toBe(3)
  })

  it('marks a replaced credential that both masks hide', () => {
    const diff = diffMessages({
      left: message({}, [['Authorization', 'Bearer ••••']]),
      right: message({}, [['authorization', 'Bearer ••••']]),
      headerNotes: [
        {
          name: 'Authorization',
          note: "The profile's Braze key was sent.",
          credentialReplaced: true,
        },
      ],
    })
    expect(diff.headers.rows[0]).toMatchObject({
      changes: ['case', 'credential'],
      note: "The profile's Braze key was sent.",
    })
  })
})
