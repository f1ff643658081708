import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SendTicketEvent } from '../../../shared/contract/tickets'
import { ExchangeStore } from '../../../main/core/captures/exchange-store'
import { createBrazeLiquid } from '../../../main/core/liquid/braze-liquid'
import {
  startZendeskSimulator,
  type ZendeskSimulator,
} from '../../../main/core/simulators/zendesk/zendesk-simulator'
import { resolveRender } from '../../../main/core/templates/render-request'
import { inThreadRenderer } from '../../../main/core/templates/template-renderer'
import { UserLibrary } from '../../../main/core/users/user-library'
import { confStoreFactory } from '../../../main/core/storage/json-store'
import { TestTicketLog } from '../../../main/core/zendesk/test-ticket-log'
import { TicketsService } from '../../../main/core/zendesk/tickets-service'
import { ZendeskAuthorizer } from '../../../main/core/zendesk/zendesk-authorizer'
import { startDroppingProxy } from '../../helpers/dropping-proxy'
import { useTempDir } from '../../helpers/temp-dir'
import { createVault } from '../../helpers/vault'
import { offlineHttpClient } from '../../helpers/offline-http'

const REPO = path.resolve(import.meta.dirname, '..', '..', '..')
const SEED = readFileSync(
  path.join(REPO, 'resources', 'templates', 'seed-zendesk-ticket.liquid'),
  'utf8',
)

/** The seed template with its placeholders filled in as its lint asks (a fixed template). */
const FIXED = `{% capture ticket_body %}Please help {{\${first_name}}}{% endcapture %}
{
"ticket": {
"requester": { "name": "{{\${first_name} | json_escape}} {{\${last_name} | json_escape}}", "email": "{{\${email_address}}}" },
"type": "question",
"subject": "Login problem",
"comment":  { "body": "{{ticket_body | json_escape}}" },
"priority": "urgent",
"status": "new"
  }
}`

describe('TicketsService against the simulated Zendesk', () => {
  const tempDir = useTempDir()
  const closers: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close()
  })

  async function setup(options: { dropFirst?: number } = {}) {
    const zendesk: ZendeskSimulator = await startZendeskSimulator({})
    closers.push(() => zendesk.close())
    let base = zendesk.url
    if (options.dropFirst) {
      const proxy = await startDroppingProxy(zendesk.url, options.dropFirst)
      closers.push(proxy.close)
      base = proxy.url
    }
    const dir = tempDir()
    const vault = createVault(dir)
    const users = new UserLibrary({ store: confStoreFactory(dir)('users') })
    const profile = vault.create({
      name: 'Simulated',
      zendesk: base,
      zendeskAuth: { mode: 'api-token', email: zendesk.credentials.email },
      brazeEndpoint: 'US-01',
      secrets: { zendeskApiToken: zendesk.credentials.token },
    })
    const now = () => new Date()
    const http = offlineHttpClient()
    const service = new TicketsService({
      vault,
      authorizer: new ZendeskAuthorizer(vault, http, now),
      http,
      exchanges: new ExchangeStore(dir),
      log: new TestTicketLog(confStoreFactory(dir)('test-tickets')),
      render: inThreadRenderer(createBrazeLiquid()),
      resolveRender: (request) => resolveRender(request, users),
      now,
      useProfile: (id) => Promise.resolve(id ?? vault.activeProfileId()),
      sleep: vi.fn(() => Promise.resolve()),
    })
    return { zendesk, service, profile }
  }

  async function collect(stream: AsyncIterable<SendTicketEvent>) {
    const events: SendTicketEvent[] = []
    for await (const event of stream) events.push(event)
    return events
  }

  it('renders the fixed seed template for a user, creates the ticket, and remembers it', async () => {
    const { zendesk, service, profile } = await setup()
    const events = await collect(
      service.send({
        profileId: profile.id,
        template: FIXED,
        userId: 'u-1001',
        templateName: 'Seed (fixed)',
      }),
    )
    const result = events.at(-1)
    expect(result?.type).toBe('result')
    if (result?.type !== 'result') return
    expect(result.result).toMatchObject({ ok: true, attempts: 1 })
    expect(result.result.exchange.attempts[0]?.request.headers).toContainEqual([
      'authorization',
      'Basic ••••',
    ])
    const tickets = zendesk.tickets()
    expect(tickets).toHaveLength(1)
    expect(tickets[0]).toMatchObject({ subject: 'Login problem', description: 'Please help Ada' })
    expect(service.history(profile.id)).toEqual([
      expect.objectContaining({
        ticketId: tickets[0]?.id,
        templateName: 'Seed (fixed)',
        userLabel: expect.stringContaining('Ada'),
      }),
    ])
  })

  it("maps Zendesk's 422 to the template line that wrote the field", async () => {
    const { service, profile } = await setup()
    const noComment = FIXED.replace(
      '"comment":  { "body": "{{ticket_body | json_escape}}" },\n',
      '',
    )
    const events = await collect(
      service.send({ profileId: profile.id, template: noComment, userId: 'u-1001' }),
    )
    const result = events.at(-1)
    if (result?.type !== 'result') throw new Error('no result')
    expect(result.result.reason).toBe('invalid')
    expect(result.result.problems).toEqual([
      expect.objectContaining({
        message: 'Description: cannot be blank',
        line: 3,
        fix: expect.stringMatching(/comment/),
      }),
    ])
  })

  it('retries after a lost answer with the same Idempotency-Key: Zendesk holds exactly one ticket', async () => {
    const { zendesk, service, profile } = await setup({ dropFirst: 1 })
    const events = await collect(
      service.send({ profileId: profile.id, template: FIXED, userId: 'u-1002' }),
    )
    const result = events.at(-1)
    if (result?.type !== 'result') throw new Error('no result')
    expect(events.filter((e) => e.type === 'attempt')).toHaveLength(2)
    expect(result.result).toMatchObject({ ok: true, attempts: 2, idempotency: 'hit' })
    expect(zendesk.tickets()).toHaveLength(1)
  })

  it('does not send an unrendered template, and says why', async () => {
    const { zendesk, service, profile } = await setup()
    const events = await collect(
      service.send({ profileId: profile.id, template: '{{ x | nope }}', userId: 'u-1001' }),
    )
    expect(events).toEqual([expect.objectContaining({ type: 'not-sent' })])
    expect(zendesk.tickets()).toHaveLength(0)
  })

  it('sends the published seed as is, and reports what Zendesk refused', async () => {
    const { service, profile } = await setup()
    const events = await collect(
      service.send({ profileId: profile.id, template: SEED, userId: 'u-1001' }),
    )
    const result = events.at(-1)
    if (result?.type !== 'result') throw new Error('no result')
    expect(result.result.ok).toBe(false)
    expect(result.result.message).toMatch(/Zendesk|JSON/)
  })

  it('cleans up every test ticket of the profile with destroy_many', async () => {
    const { zendesk, service, profile } = await setup()
    for (const userId of ['u-1001', 'u-1002'])
      await collect(service.send({ profileId: profile.id, template: FIXED, userId }))
    const progress: string[] = []
    const result = await service.cleanup(profile.id, undefined, (done, total) =>
      progress.push(`${done}/${total}`),
    )
    expect(result.failed).toEqual([])
    expect(progress).toEqual(['2/2'])
    await vi.waitFor(() => expect(zendesk.tickets()).toHaveLength(0))
    expect(service.history(profile.id)).toEqual([])
  })
})
