import { describe, expect, it } from 'vitest'
import { toCurl } from '../../../../shared/http/curl'

const request = {
  method: 'post',
  url: 'https://acme.zendesk.com/api/v2/tickets.json',
  headers: {
    'Content-Type': 'application/json',
    Authorization: 'Basic YWRhQGFjbWUuY29tL3Rva2VuOnNlY3JldA==',
  },
  body: '{"ticket": {"subject": "It\'s broken"}}',
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
})
