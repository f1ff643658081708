import { describe, expect, it } from 'vitest'
import { zendeskHeaderProblems } from '../../../../../../main/core/liquid/lint/zendesk-headers'
import { createBrazeLiquid } from '../../../../../../main/core/liquid/braze-liquid'

const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`
const JSON_TYPE = { 'Content-Type': 'application/json' }
const codes = (headers: Record<string, string>, now: Date) =>
  zendeskHeaderProblems(headers, now).map((p) => [p.severity, p.code, p.source])

describe('Zendesk request headers', () => {
  it("warns that API tokens are being retired, with Zendesk's dates", () => {
    const [problem] = zendeskHeaderProblems(
      { Authorization: basic('agent@acme.com/token:abc'), ...JSON_TYPE },
      new Date('2026-09-01'),
    )
    expect(problem).toEqual({
      severity: 'warning',
      code: 'zendesk-api-token',
      message:
        'This header uses a Zendesk API token (email/token:…). API tokens are being retired: no new tokens from 2026-10-27, and all stop working on 2027-04-30 (https://developer.zendesk.com/api-reference/introduction/security-and-auth/).',
      line: null,
      column: null,
      fix: 'Move this integration to OAuth and send Authorization: Bearer <access token>.',
      source: 'header:Authorization',
    })
  })

  it('says no new tokens can be created after 2026-10-27, and that they are dead after 2027-04-30', () => {
    const header = { Authorization: basic('agent@acme.com/token:abc'), ...JSON_TYPE }
    expect(zendeskHeaderProblems(header, new Date('2026-11-20'))[0]?.message).toContain(
      'can no longer be created (since 2026-10-27)',
    )
    expect(codes(header, new Date('2027-05-01'))).toEqual([
      ['error', 'zendesk-api-token', 'header:Authorization'],
    ])
  })

  it('rejects password Basic auth, removed on 2025-12-31', () => {
    expect(
      codes(
        { Authorization: basic('agent@acme.com:hunter2'), ...JSON_TYPE },
        new Date('2026-11-20'),
      ),
    ).toEqual([['error', 'zendesk-password-auth', 'header:Authorization']])
  })

  it('accepts an OAuth bearer token', () => {
    expect(
      codes({ authorization: 'Bearer abc123', 'content-type': 'application/json' }, new Date()),
    ).toEqual([])
  })

  it('flags a missing Authorization, placeholders, and a missing Content-Type', () => {
    expect(codes({}, new Date())).toEqual([
      ['error', 'zendesk-auth-missing', 'header:Authorization'],
      ['warning', 'content-type', 'header:Content-Type'],
    ])
    expect(
      codes(
        { Authorization: basic('<email_address>/token:<api_token>'), ...JSON_TYPE },
        new Date(),
      ),
    ).toEqual([['error', 'placeholder', 'header:Authorization']])
  })

  it('lints the headers a render produced from templates', () => {
    const result = createBrazeLiquid().renderSync({
      template: '{"ticket": {"comment": {"body": "x"}}}',
      user: {},
      headers: {
        Authorization: "Basic {{ 'agent@acme.com/token:abc' | base64_encode }}",
        'Content-Type': 'application/json',
      },
      now: new Date('2026-11-20'),
      target: 'zendesk-ticket',
    })
    expect(result.problems.map((p) => [p.code, p.source])).toEqual([
      ['zendesk-api-token', 'header:Authorization'],
    ])
  })
})
