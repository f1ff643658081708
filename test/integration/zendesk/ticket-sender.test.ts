import { afterEach, describe, expect, it, vi } from 'vitest'
import { ExchangeStore } from '../../../main/core/captures/exchange-store'
import { ZendeskAuthorizer } from '../../../main/core/zendesk/zendesk-authorizer'
import { TicketSender } from '../../../main/core/zendesk/ticket-sender'
import {
  startScriptedServer,
  type ScriptedReply,
  type ScriptedServer,
  type SeenRequest,
} from '../../helpers/scripted-server'
import { useTempDir } from '../../helpers/temp-dir'
import { SECRETS, acmeInput, createVault } from '../../helpers/vault'
import { offlineHttpClient } from '../../helpers/offline-http'

const BODY =
  '{\n"ticket": {"subject": "Hi", "comment": {"body": "Hello"}, "requester": {"name": "Ada", "email": "ada@example.com"}}\n}'
const created = {
  status: 201,
  body: { ticket: { id: 4242, status: 'new' } },
  headers: { 'x-idempotency-lookup': 'miss' },
}

describe('TicketSender (against loopback fakes)', () => {
  const tempDir = useTempDir()
  let server: ScriptedServer | undefined
  afterEach(() => server?.close())

  async function sender(
    reply: (req: SeenRequest, index: number) => ScriptedReply,
    timeoutMs = 5000,
  ) {
    let count = 0
    server = await startScriptedServer((req) => reply(req, count++))
    const dir = tempDir()
    const vault = createVault(dir)
    const profile = vault.create(acmeInput({ zendesk: server.url }))
    const exchanges = new ExchangeStore(dir)
    const sleep = vi.fn(() => Promise.resolve())
    const now = () => new Date('2026-11-25T10:00:00Z')
    const http = offlineHttpClient()
    const send = new TicketSender({
      vault,
      authorizer: new ZendeskAuthorizer(vault, http, now),
      http,
      exchanges,
      now,
      sleep,
      timeoutMs,
    })
    return { send, profile, exchanges, sleep, server }
  }

  it('sends the rendered body byte for byte as JSON, with auth and an Idempotency-Key', async () => {
    const { send, profile, server } = await sender(() => created)
    const result = await send.send({ profileId: profile.id, body: BODY })
    expect(result).toMatchObject({ ok: true, ticketId: 4242, attempts: 1, idempotency: 'miss' })
    expect(result.agentUrl).toBe(`${server.url}/agent/tickets/4242`)
    const seen = server.seen[0]
    expect(seen?.body).toBe(BODY)
    expect(seen?.path).toBe('/api/v2/tickets.json')
    expect(seen?.headers['content-type']).toBe('application/json')
    expect(seen?.headers['idempotency-key']).toMatch(/^bridgebench-/)
    expect(seen?.headers.authorization).toMatch(/^Basic /)
  })

  it('records the exchange with the Authorization header masked', async () => {
    const { send, profile, exchanges } = await sender(() => created)
    const result = await send.send({
      profileId: profile.id,
      body: BODY,
      correlation: { template: 'Seed' },
    })
    const record = await exchanges.get(result.exchange.id)
    const attempt = record?.attempts[0]
    expect(record?.state).toBe('done')
    expect(attempt?.request.headers).toContainEqual(['Authorization', 'Basic ••••'])
    expect(attempt?.response?.status).toBe(201)
    expect(record?.correlation).toEqual({ template: 'Seed', ticketId: '4242' })
    expect(attempt?.timings?.total).toBeGreaterThanOrEqual(0)
    expect(JSON.stringify(record)).not.toContain(SECRETS.zendeskApiToken)
  })

  it('maps each 422 detail to its field, with a fix', async () => {
    const { send, profile } = await sender(() => ({
      status: 422,
      body: {
        error: 'RecordInvalid',
        description: 'Record validation errors',
        details: {
          base: [
            {
              description: 'Description: cannot be blank',
              error: 'BlankValue',
              ticket_field_id: 1,
            },
          ],
          requester: [{ description: 'Requester: Name:  is too short (minimum is 1 character)' }],
        },
      },
    }))
    const result = await send.send({
      profileId: profile.id,
      body: BODY,
      locate: (field) => (field === 'comment' ? { line: 12, column: 1 } : undefined),
    })
    expect(result).toMatchObject({ ok: false, reason: 'invalid', attempts: 1 })
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'zendesk-blankvalue',
        message: 'Description: cannot be blank',
        line: 12,
        fix: expect.stringMatching(/comment/),
      }),
      expect.objectContaining({
        message: expect.stringMatching(/^requester: Requester: Name/),
        line: null,
      }),
    ])
  })

  it('honours Retry-After on 429 and retries with the same Idempotency-Key', async () => {
    const { send, profile, sleep, server } = await sender((_req, index) =>
      index === 0
        ? { status: 429, body: { error: 'APIRateLimitExceeded' }, headers: { 'retry-after': '7' } }
        : created,
    )
    const waits: number[] = []
    const result = await send.send({
      profileId: profile.id,
      body: BODY,
      onWait: (s) => waits.push(s),
    })
    expect(result).toMatchObject({ ok: true, attempts: 2 })
    expect(waits).toEqual([7])
    expect(sleep).toHaveBeenCalledWith(7000, undefined)
    const keys = server.seen.map((r) => r.headers['idempotency-key'])
    expect(keys[0]).toBe(keys[1])
  })

  it('reads a Retry-After date against the injected clock', async () => {
    const { send, profile, sleep } = await sender((_req, index) =>
      index === 0
        ? { status: 503, body: {}, headers: { 'retry-after': 'Wed, 25 Nov 2026 10:00:05 GMT' } }
        : created,
    )
    const result = await send.send({ profileId: profile.id, body: BODY })
    expect(result).toMatchObject({ ok: true, attempts: 2 })
    expect(sleep).toHaveBeenCalledWith(5000, undefined)
  })

  it('says why it waits: Retry-After, or no answer after a timeout', async () => {
    const waits: string[] = []
    const onWait = (seconds: number, attempt: number, reason: string) =>
      waits.push(`${reason} ${seconds} s before #${attempt}`)
    const limited = await sender((_req, index) =>
      index === 0 ? { status: 429, body: {}, headers: { 'retry-after': '3' } } : created,
    )
    await limited.send.send({ profileId: limited.profile.id, body: BODY, onWait })
    await server?.close()
    const silent = await sender(() => ({ status: 200, hang: true }), 150)
    await silent.send.send({ profileId: silent.profile.id, body: BODY, onWait })
    expect(waits).toEqual([
      'retry-after 3 s before #2',
      'no-answer 1 s before #2',
      'no-answer 2 s before #3',
    ])
  })

  it('does not sit out a Retry-After longer than a minute', async () => {
    const { send, profile, sleep } = await sender(() => ({
      status: 429,
      body: {},
      headers: { 'retry-after': '600' },
    }))
    const result = await send.send({ profileId: profile.id, body: BODY })
    expect(result).toMatchObject({
      ok: false,
      reason: 'rate-limited',
      attempts: 1,
      retryAfterSeconds: 600,
    })
    expect(result.message).toMatch(/Not waiting 600 s/)
    expect(sleep).not.toHaveBeenCalled()
  })

  it('retries a timeout safely (same key) and reports it when it persists', async () => {
    const { send, profile, server } = await sender(() => ({ status: 200, hang: true }), 200)
    const result = await send.send({ profileId: profile.id, body: BODY })
    expect(result).toMatchObject({ ok: false, reason: 'timeout', attempts: 3 })
    expect(new Set(server.seen.map((r) => r.headers['idempotency-key'])).size).toBe(1)
  })

  it('explains 401 without retrying', async () => {
    const { send, profile } = await sender(() => ({
      status: 401,
      body: { error: "Couldn't authenticate you" },
    }))
    const result = await send.send({ profileId: profile.id, body: BODY })
    expect(result).toMatchObject({ ok: false, reason: 'unauthorized', attempts: 1 })
    expect(result.message).toMatch(/Couldn't authenticate you/)
  })

  it('flags a garbage (non-JSON) answer', async () => {
    const { send, profile } = await sender(() => ({ status: 200, body: '<html>Sign in</html>' }))
    const result = await send.send({ profileId: profile.id, body: BODY })
    expect(result).toMatchObject({ ok: false, reason: 'not-zendesk' })
    expect(result.message).toMatch(/text\/html, not a Zendesk JSON response/)
  })
})
