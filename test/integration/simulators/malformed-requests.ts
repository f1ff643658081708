import type { RawRequest } from './raw-http'

export interface FuzzTarget {
  method: string
  /** A path that reaches the route, e.g. `/api/v2/tickets/1`. */
  path: string
  /** An Authorization value the simulator accepts. */
  goodAuth: string
  /** Top-level keys the route's body is read under (`ticket`, `attributes`…). */
  bodyKeys: readonly string[]
  /** A body the route would accept, with `value` (JSON text) where one field goes. */
  bodyWith: (value: string) => string
}

const BAD_ENCODINGS = [
  '%E0%A4%A',
  '%',
  '%zz',
  '%C0%AF',
  '%FF%FE',
  '%00',
  '%ED%A0%80',
  '%%41',
  '%u0041',
]
const ODD_PATHS = [
  '__proto__',
  'constructor',
  'toString',
  '..',
  '%2e%2e',
  '.json',
  '',
  '/',
  '//',
  'x'.repeat(4000),
]
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'BREW', 'get']
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/xml',
  '',
  'application/json\u0001',
  '*/*; q=x',
]
const QUERIES = [
  '?page=-1',
  '?page[size]=100000000000000000000',
  '?per_page=1e309',
  '?sort_by=__proto__&sort_order=%FF',
  '?external_id=%E0%A4%A',
  '?%E0%A4%A=1',
  '?ids=' + ',,,'.repeat(300),
  '?ids=1,2,x,-4,9999999999999999999',
  '?a[b][c][d][e][f]=1&a[b]=2',
  '?webhook_id=__proto__',
  '?filter[status]=&filter[status]=&page[after]=%00',
  '?' + 'q='.repeat(1500),
  '?&&&==&=',
]

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T
}

function randomJson(random: () => number, depth: number): unknown {
  const kind = Math.floor(random() * (depth > 3 ? 6 : 8))
  switch (kind) {
    case 0:
      return null
    case 1:
      return pick(random, [0, -1, 1e308, -0.5, 2 ** 53 + 1, 101, 76])
    case 2:
      return pick(random, [true, false])
    case 3:
      return pick(random, [
        '',
        'solved',
        'undefined',
        '\u0000',
        '%E0%A4%A',
        '{{ticket.id',
        'x'.repeat(300),
      ])
    case 4:
      return pick(random, ['__proto__', 'constructor', 'nobody@', '2026-13-45T99:99Z'])
    case 5:
      return pick(random, [[], {}, [null], { inc: 'x' }, { add: 'x', remove: 5 }])
    case 6:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomJson(random, depth + 1))
    default: {
      const object: Record<string, unknown> = {}
      const keys = [
        'external_id',
        'name',
        'time',
        'comment',
        'body',
        'status',
        'requester',
        'endpoint',
        'conditions',
        'actions',
        'properties',
        'email',
        '$x',
        '',
      ]
      for (let i = 0; i < 1 + Math.floor(random() * 4); i++)
        object[pick(random, keys)] = randomJson(random, depth + 1)
      return object
    }
  }
}

function deepJson(random: () => number, depth: number): string {
  const open = random() < 0.5 ? '[' : '{"a":'
  const close = open === '[' ? ']' : '}'
  return open.repeat(depth) + '1' + close.repeat(depth)
}

export interface LabelledRequest {
  label: string
  request: RawRequest
}

/**
 * `count` malformed requests for `target`: first one of each kind that broke a simulator
 * before (so every run covers them), then random ones of every kind.
 */
export function malformedRequests(
  random: () => number,
  target: FuzzTarget,
  count: number,
): LabelledRequest[] {
  const json = (body: string, extra: Array<[string, string]> = []): RawRequest => ({
    method: target.method,
    target: target.path,
    headers: [['authorization', target.goodAuth], ['content-type', 'application/json'], ...extra],
    body: Buffer.from(body),
  })
  const key = target.bodyKeys[0] ?? 'data'
  const known: LabelledRequest[] = [
    {
      label: 'bad percent-encoding, no auth',
      request: { method: target.method, target: `${target.path}/%E0%A4%A`, headers: [] },
    },
    {
      label: 'bad percent-encoding',
      request: { ...json('{}'), target: target.path.replace(/\/[^/]*$/, '/%E0%A4%A') },
    },
    {
      label: 'absolute-form target with a bad host',
      request: { ...json('{}'), target: `http://[::1${target.path}` },
    },
    { label: 'scheme-relative target', request: { ...json('{}'), target: '//[x' } },
    {
      label: 'deep JSON in a field of a good body, with an idempotency key',
      request: json(target.bodyWith(deepJson(() => 0.1, 100_000)), [['idempotency-key', 'deep']]),
    },
    {
      label: 'deep JSON object in a field of a good body',
      request: json(target.bodyWith(deepJson(() => 0.9, 20_000))),
    },
    { label: 'deep JSON array', request: json(deepJson(() => 0.1, 100_000)) },
    {
      label: 'JSON nested just past the limit',
      request: json(`{"${key}": ${deepJson(() => 0.9, 100)}}`),
    },
    {
      label: 'invalid UTF-8',
      request: {
        ...json(''),
        body: Buffer.concat([
          Buffer.from(`{"${key}": "`),
          Buffer.from([0xff, 0xc0]),
          Buffer.from('"}'),
        ]),
      },
    },
    { label: 'truncated body', request: { ...json(`{"${key}": [`), truncate: true } },
  ]
  const randomOnes = Array.from({ length: Math.max(0, count - known.length) }, () =>
    malformedRequest(random, target),
  )
  return [...known, ...randomOnes]
}

/** One malformed request for `target`, of a kind chosen by `random`; `label` says which. */
function malformedRequest(random: () => number, target: FuzzTarget): LabelledRequest {
  const auth =
    random() < 0.7
      ? target.goodAuth
      : pick(random, [
          '',
          'Basic',
          'Basic !!!',
          `Basic ${Buffer.from([0xff, 0xfe, 0x3a, 0x00]).toString('base64')}`,
          'Bearer',
          `Bearer ${'A'.repeat(2000)}`,
          'Negotiate abc',
          target.goodAuth.replace(/.$/, '\u00ff'),
        ])
  const headers: Array<[string, string]> = []
  if (auth !== '') headers.push(['authorization', auth])
  const contentType = random() < 0.6 ? 'application/json' : pick(random, CONTENT_TYPES)
  if (contentType !== '') headers.push(['content-type', contentType])
  const key = pick(random, target.bodyKeys)
  const wrap = (inner: string) => (random() < 0.5 ? inner : `{"${key}": ${inner}}`)
  const base = { method: target.method, target: target.path, headers }

  // Big bodies are costly to build and parse: a few of them prove the point.
  switch (random() < 0.03 ? 3 : pick(random, [0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11])) {
    case 0: {
      const bad = pick(random, BAD_ENCODINGS)
      const segments = target.path.split('/')
      if (segments.length > 3 && random() < 0.6) segments[segments.length - 1] = bad
      else segments.push(bad)
      return { label: 'bad percent-encoding', request: { ...base, target: segments.join('/') } }
    }
    case 1:
      return {
        label: 'odd path',
        request: { ...base, target: `${target.path}/${pick(random, ODD_PATHS)}` },
      }
    case 2:
      return {
        label: 'deep JSON',
        request: {
          ...base,
          body: Buffer.from(wrap(deepJson(random, pick(random, [101, 2_000, 20_000, 100_000])))),
        },
      }
    case 3: {
      const huge =
        random() < 0.5
          ? JSON.stringify({ [key]: 'x'.repeat(300_000) })
          : JSON.stringify({
              [key]: Array.from({ length: 20_000 }, (_, i) => ({ external_id: `u-${i}` })),
            })
      return { label: 'huge JSON', request: { ...base, body: Buffer.from(huge) } }
    }
    case 4: {
      const text = pick(random, [
        '{',
        '{"ticket": {"subject": "x"',
        "{'a': 1}",
        '{"a": NaN}',
        '{"a": 1,}',
        '\uFEFF{}',
        'null',
        '12',
        '"x"',
        '[]',
        '{"a": "\\u12"}',
        '{"a"\u0000: 1}',
        'x'.repeat(1000),
      ])
      return { label: 'unparsable JSON', request: { ...base, body: Buffer.from(text) } }
    }
    case 5: {
      const bytes = Buffer.concat([
        Buffer.from(`{"${key}": {"name": "`),
        Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
        Buffer.from('"}}'),
      ])
      return { label: 'invalid UTF-8', request: { ...base, body: bytes } }
    }
    case 6:
    case 7:
      return {
        label: 'wrong JSON types',
        request: {
          ...base,
          body: Buffer.from(
            JSON.stringify(
              random() < 0.8 ? { [key]: randomJson(random, 0) } : randomJson(random, 0),
            ) ?? 'null',
          ),
        },
      }
    case 8:
      return {
        label: 'wrong method',
        request: { ...base, method: pick(random, METHODS), body: Buffer.from('{}') },
      }
    case 9:
      return {
        label: 'truncated body',
        request: {
          ...base,
          body: Buffer.from(`{"${key}": {"a": "${'y'.repeat(50)}`),
          truncate: true,
        },
      }
    case 10:
      return {
        label: 'absurd query',
        request: { ...base, target: `${target.path}${pick(random, QUERIES)}` },
      }
    default:
      return {
        label: 'garbled headers',
        request: {
          ...base,
          headers: [
            ...headers,
            ['content-encoding', pick(random, ['gzip', 'br', 'x-nope'])],
            ['idempotency-key', pick(random, ['', 'k'.repeat(300), '\u00ff'])],
            ['x-forwarded-for', '999.999.999.999'],
          ],
          body: Buffer.from(JSON.stringify({ [key]: randomJson(random, 0) }) ?? '{}'),
        },
      }
  }
}
