import { describe, expect, it } from 'vitest'
import { toCurl } from '../../../../shared/http/curl'
import { toRawBody } from '../../../../main/core/net/raw-record'

const request = {
  method: 'post',
  url: 'https://acme.zendesk.com/api/v2/tickets.json',
  headers: [
    ['Content-Type', 'application/json'],
    ['Authorization', 'Basic YWRhQGFjbWUuY29tL3Rva2VuOnNlY3JldA=='],
  ] as [string, string][],
  body: toRawBody('{"ticket": {"subject": "It\'s broken"}}'),
}

describe('toCurl', () => {
  it('masks credentials by default', () => {
    const command = toCurl(request)
    expect(command).toContain("--header 'Authorization: Basic ••••'")
    expect(command).not.toContain('YWRh')
  })

  it('includes secrets only when explicitly asked', () => {
    expect(toCurl(request, { withSecrets: true })).toContain(
      'Basic YWRhQGFjbWUuY29tL3Rva2VuOnNlY3JldA==',
    )
  })

  it('quotes the body safely for a POSIX shell and sends it byte for byte', () => {
    expect(toCurl(request)).toBe(
      [
        "curl --request POST 'https://acme.zendesk.com/api/v2/tickets.json'",
        "--header 'Content-Type: application/json'",
        "--header 'Authorization: Basic ••••'",
        `--data-binary '{"ticket": {"subject": "It'\\''s broken"}}'`,
      ].join(' \\\n  '),
    )
  })

  it('pipes a body that is not UTF-8 in from base64, so every byte arrives', () => {
    const command = toCurl({ ...request, body: toRawBody(Buffer.from([0xff, 0x00, 0x41])) })
    expect(command.startsWith("printf %s '/wBB' | base64 -d | curl")).toBe(true)
    expect(command.endsWith('--data-binary @-')).toBe(true)
  })

  it('keeps header order, case and duplicates', () => {
    const command = toCurl({
      ...request,
      headers: [
        ['X-B', '1'],
        ['x-a', '2'],
        ['X-B', '3'],
      ],
    })
    expect(command.match(/--header '[^']*'/g)).toEqual([
      "--header 'X-B: 1'",
      "--header 'x-a: 2'",
      "--header 'X-B: 3'",
    ])
  })
})
