import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient, SendTicketEvent } from '../../../shared/contract'
import type { Engine } from '../../../main/core/engine'
import { startWebServer, type WebServer } from '../../../main/web/server'
import { createTestEngine } from '../../helpers/engine'
import { startScriptedServer, type ScriptedServer } from '../../helpers/scripted-server'
import { useTempDir } from '../../helpers/temp-dir'
import { browserApiClient, fakeRendererDir } from '../../helpers/web-door'

/**
 * What you test is what goes out: the body a send puts on the wire is byte for byte the preview
 * for the same request — trigger context, stand-ins, pasted Connected Content and the time
 * included, none of which a send used to pass on.
 */
describe('a test send renders exactly as the preview', () => {
  const tempDir = useTempDir('bridgebench-send-preview-', 'file')
  let engine: Engine
  let server: WebServer
  let zendesk: ScriptedServer
  let api: ApiClient

  beforeAll(async () => {
    engine = await createTestEngine(tempDir())
    server = await startWebServer({ engine, rendererDir: fakeRendererDir(tempDir()) })
    api = browserApiClient(server)
    zendesk = await startScriptedServer(() => ({
      status: 201,
      body: { ticket: { id: 7, status: 'new' } },
    }))
  })
  afterAll(async () => {
    await zendesk.close()
    await server.close()
    await engine.close()
  })

  it('sends the previewed bytes for the same template, user, context, stand-ins and responses', async () => {
    const profile = await api.profiles.create({
      name: 'Loopback',
      zendesk: zendesk.url,
      zendeskAuth: { mode: 'api-token', email: 'agent@example.com' },
      brazeEndpoint: 'US-01',
      secrets: { zendeskApiToken: 'token-0123456789abcdef' },
    })
    const request = {
      template: [
        '{% connected_content https://api.example.com/tier/{{${user_id}}} :save tier %}',
        '{"ticket": {"subject": "{{event_properties.${order}}} for {{${first_name}}}",',
        ' "comment": {"body": "{{content_blocks.${signature}}} tier={{tier.level}} at {{ "now" | date: "%Y-%m-%d %H:%M" }}"},',
        ' "requester": {"name": "{{${first_name}}}", "email": "{{${email_address}}}"}}}',
      ].join('\n'),
      userId: 'u-1001',
      context: { event_properties: { order: 'Order #42' } },
      standIns: { contentBlocks: { signature: 'Thanks, the team' } },
      connectedContent: {
        responses: { 'https://api.example.com/tier/u-1001': { body: { level: 'gold' } } },
      },
      now: '2026-11-30T10:15:00Z',
    }
    const preview = await api.compose.render(request)
    expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(preview.output).toContain('Order #42 for Ada')
    expect(preview.output).toContain('Thanks, the team tier=gold at 2026-11-30 10:15')

    const events: SendTicketEvent[] = []
    for await (const event of await api.tickets.send({ ...request, profileId: profile.id }))
      events.push(event)
    expect(events.at(-1)).toMatchObject({ type: 'result', result: { ok: true, ticketId: 7 } })
    expect(zendesk.seen).toHaveLength(1)
    expect(zendesk.seen[0]?.body).toBe(preview.output)
  })

  it('sends the previewed bytes with the test tag on: the tag added, nothing reformatted', async () => {
    const profile = await api.profiles.create({
      name: 'Loopback tagged',
      zendesk: zendesk.url,
      zendeskAuth: { mode: 'api-token', email: 'agent@example.com' },
      brazeEndpoint: 'US-01',
      secrets: { zendeskApiToken: 'token-0123456789abcdef' },
    })
    const template =
      '{\n  "ticket": {\n    "subject":  "Hi {{${first_name}}}",\n    "tags": ["vip"]\n  }\n}'
    const request = { template, userId: 'u-1001', addTestTag: true }
    const untagged = await api.compose.render({ ...request, addTestTag: false })
    const preview = await api.compose.render(request)
    expect(preview.output).toBe(untagged.output.replace('["vip"]', '["vip","bridgebench_test"]'))
    expect(preview.tagChange).toMatch(/Added "bridgebench_test" to ticket\.tags/)

    const seen = zendesk.seen.length
    const events: SendTicketEvent[] = []
    for await (const event of await api.tickets.send({ ...request, profileId: profile.id }))
      events.push(event)
    expect(events.at(-1)).toMatchObject({ type: 'result', result: { ok: true } })
    expect(zendesk.seen[seen]?.body).toBe(preview.output)
  })

  it("sends the template's rendered headers, and says whose Authorization went out", async () => {
    const profile = await api.profiles.create({
      name: 'Loopback headers',
      zendesk: zendesk.url,
      zendeskAuth: { mode: 'api-token', email: 'agent@example.com' },
      brazeEndpoint: 'US-01',
      secrets: { zendeskApiToken: 'token-0123456789abcdef' },
    })
    const request = {
      template: '{"ticket": {"subject": "Hi"}}',
      headers: {
        'X-Probe': 'hello {{${first_name}}}',
        Authorization: "Basic {{ '<email_address>/token:<api_token>' | base64_encode }}",
        'Content-Type': 'application/json',
      },
      userId: 'u-1001',
    }
    const preview = await api.compose.render(request)
    expect(preview.headers['X-Probe']).toBe('hello Ada')
    expect(preview.authorization).toEqual({ header: 'placeholder', suggested: 'profile' })

    const send = async (authorization?: 'as-rendered' | 'profile') => {
      const seen = zendesk.seen.length
      let exchange
      for await (const event of await api.tickets.send({
        ...request,
        profileId: profile.id,
        ...(authorization ? { authorization } : {}),
      }))
        if (event.type === 'result') exchange = event.result.exchange
      return { wire: zendesk.seen[seen], exchange }
    }
    const byDefault = await send()
    expect(byDefault.wire?.headers['x-probe']).toBe('hello Ada')
    expect(byDefault.wire?.headers.authorization).toBe(
      `Basic ${Buffer.from('agent@example.com/token:token-0123456789abcdef').toString('base64')}`,
    )
    expect(byDefault.exchange?.authorization).toBe('profile')

    const asRendered = await send('as-rendered')
    expect(asRendered.wire?.headers.authorization).toBe(
      `Basic ${Buffer.from('<email_address>/token:<api_token>').toString('base64')}`,
    )
    expect(asRendered.exchange?.authorization).toBe('as-rendered')
  })
})
