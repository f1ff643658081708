import { describe, expect, it } from 'vitest'
import { buildProbe } from '../../../../../main/core/tunnel/probe-request'
import {
  compareProbe,
  summarizeChanges,
  type Arrival,
} from '../../../../../main/core/tunnel/tunnel-changes'

const probe = buildProbe('https://abc.tunnel.example', 'n0nce')

function arrivedAsSent(overrides: Partial<Arrival> = {}): Arrival {
  return {
    method: 'POST',
    path: '/hooks/_selftest/n0nce',
    rawHeaders: probe.rawHeaders,
    body: probe.body,
    remoteAddress: '127.0.0.1',
    ...overrides,
  }
}

describe('the self-test probe', () => {
  it('posts to the receiver’s self-test route under the public URL', () => {
    expect(buildProbe('https://abc.tunnel.example/', 'n0nce').url).toBe(
      'https://abc.tunnel.example/hooks/_selftest/n0nce',
    )
  })

  it('carries bytes that are not UTF-8', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(probe.body)).toThrow()
  })

  it('repeats one header on two lines and mixes case in names', () => {
    const names = probe.rawHeaders.map(([name]) => name)
    expect(names.filter((n) => n === 'X-Bridgebench-Repeat')).toHaveLength(2)
    expect(names).toContain('X-BRIDGEBENCH-CASE')
  })
})

describe('compareProbe', () => {
  it('finds nothing changed when the probe arrives as sent', () => {
    const changes = compareProbe(probe, arrivedAsSent())
    expect(changes).toMatchObject({
      host: null,
      path: null,
      added: [],
      removed: [],
      caseChanged: [],
      mergedDuplicates: [],
      body: { changed: false, firstDifferenceAt: null },
      forwardedFor: null,
    })
  })

  it('reports a rewritten Host and the X-Forwarded-* headers a tunnel added', () => {
    const rawHeaders = probe.rawHeaders.map(([n, v]): [string, string] =>
      n === 'Host' ? [n, '127.0.0.1:8787'] : [n, v],
    )
    rawHeaders.push(['X-Forwarded-For', '203.0.113.9'], ['X-Forwarded-Proto', 'https'])
    const changes = compareProbe(probe, arrivedAsSent({ rawHeaders }))
    expect(changes.host).toEqual({ sent: 'abc.tunnel.example', arrived: '127.0.0.1:8787' })
    expect(changes.added).toEqual([
      ['X-Forwarded-For', '203.0.113.9'],
      ['X-Forwarded-Proto', 'https'],
    ])
    expect(changes.forwardedFor).toBe('203.0.113.9')
  })

  it('reports lower-cased names and repeated lines merged into one', () => {
    const merged = new Map<string, string[]>()
    for (const [name, value] of probe.rawHeaders) {
      const key = name.toLowerCase()
      merged.set(key, [...(merged.get(key) ?? []), value])
    }
    const rawHeaders = [...merged].map(([n, v]): [string, string] => [n, v.join(', ')])
    const changes = compareProbe(probe, arrivedAsSent({ rawHeaders }))
    expect(changes.caseChanged).toContainEqual({
      sent: 'X-BRIDGEBENCH-CASE',
      arrived: 'x-bridgebench-case',
    })
    expect(changes.mergedDuplicates).toEqual([
      { name: 'X-Bridgebench-Repeat', sent: ['first', 'second'], arrived: ['first, second'] },
    ])
  })

  it('ignores hop-by-hop headers a proxy sets anew', () => {
    const rawHeaders = probe.rawHeaders.filter(([n]) => n !== 'Connection')
    rawHeaders.push(['connection', 'keep-alive'], ['Transfer-Encoding', 'chunked'])
    const changes = compareProbe(probe, arrivedAsSent({ rawHeaders }))
    expect(changes.added).toEqual([])
    expect(changes.removed).toEqual([])
  })

  it('finds the first byte a tunnel changed in the body', () => {
    const body = Buffer.from(probe.body)
    body[1] = 0xfd
    const changes = compareProbe(probe, arrivedAsSent({ body }))
    expect(changes.body).toEqual({
      changed: true,
      sentBytes: probe.body.length,
      arrivedBytes: probe.body.length,
      firstDifferenceAt: 1,
    })
  })

  it('finds a body decoded as text and re-encoded (U+FFFD replacements)', () => {
    const body = Buffer.from(probe.body.toString('utf8'), 'utf8')
    const changes = compareProbe(probe, arrivedAsSent({ body }))
    expect(changes.body.changed).toBe(true)
    expect(changes.body.arrivedBytes).toBeGreaterThan(probe.body.length)
    expect(summarizeChanges(changes)[0]).toMatch(
      /^Body changed on the way: .*Signatures over it will not verify\./,
    )
  })

  it('reports a path a proxy rewrote', () => {
    const changes = compareProbe(probe, arrivedAsSent({ path: '/hooks/_selftest/n0nce/' }))
    expect(changes.path).toEqual({
      sent: '/hooks/_selftest/n0nce',
      arrived: '/hooks/_selftest/n0nce/',
    })
  })
})

describe('summarizeChanges', () => {
  it('says the body, Host, case and repeats were kept when nothing changed', () => {
    expect(summarizeChanges(compareProbe(probe, arrivedAsSent()))).toEqual([
      `Body arrived byte for byte (${probe.body.length} bytes, including non-UTF-8 bytes).`,
      'Host kept.',
      'Header case kept.',
      'Repeated headers kept as separate lines.',
    ])
  })
})
