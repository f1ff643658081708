import { Braze } from 'braze-api'
import zendeskClients from 'node-zendesk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../main/core/simulators/sandbox'

/**
 * The published clients build `https://{subdomain}.zendesk.com` and Braze cluster URLs by default.
 * node-zendesk's `endpointUri` and braze-api's `apiUrl` point them at the simulators instead, so
 * these tests never leave 127.0.0.1.
 */
describe('the simulators speak the real protocol to published clients', () => {
  let sandbox: Sandbox

  beforeAll(async () => {
    sandbox = await startSandbox()
  })
  afterAll(() => sandbox.close())

  function zendeskClient(options: { oauth?: boolean } = {}) {
    const { email, token, oauthToken } = sandbox.credentials.zendesk
    return zendeskClients.createClient({
      endpointUri: sandbox.urls.zendeskApi,
      ...(options.oauth ? { token: oauthToken, useOAuth: true } : { username: email, token }),
    })
  }

  it('node-zendesk 6.0.1: users.me with an API token names the admin', async () => {
    const { result } = (await zendeskClient().users.me()) as unknown as {
      result: { id: number; role: string }
    }
    expect(result.id).toEqual(expect.any(Number))
    expect(result.role).toBe('admin')
  })

  it('node-zendesk 6.0.1: users.me with an OAuth token', async () => {
    const { result } = (await zendeskClient({ oauth: true }).users.me()) as unknown as {
      result: { email: string }
    }
    expect(result.email).toBe(sandbox.credentials.zendesk.email)
  })

  it('node-zendesk 6.0.1: creates a ticket and shows it', async () => {
    const client = zendeskClient()
    const created = (await client.tickets.create({
      ticket: { subject: 'From node-zendesk', comment: { body: 'Hello from a real client' } },
    })) as unknown as { response: { status: number }; result: { id: number } }
    expect(created.response.status).toBe(201)
    const shown = (await client.tickets.show(created.result.id)) as unknown as {
      result: { subject: string; description: string }
    }
    expect(shown.result).toMatchObject({
      subject: 'From node-zendesk',
      description: 'Hello from a real client',
    })
  })

  it("node-zendesk 6.0.1: surfaces the simulator's 422 as a Zendesk error", async () => {
    await expect(
      zendeskClient().tickets.create({ ticket: { subject: 'no body' } }),
    ).rejects.toThrow('Zendesk Error (422): Unprocessable Entity')
  })

  it('braze-api 2.13.4: users.track lands on the profile', async () => {
    const braze = new Braze(sandbox.urls.braze, sandbox.credentials.braze.apiKey)
    const answer = await braze.users.track({
      attributes: [{ external_id: 'u-1001', favorite_food: 'pizza' }],
      events: [{ external_id: 'u-1001', name: 'client_test', time: new Date().toISOString() }],
    })
    expect(answer).toEqual({ message: 'success', attributes_processed: 1, events_processed: 1 })
    expect(sandbox.braze.profile('u-1001')?.customAttributes.favorite_food).toBe('pizza')
  })

  it('braze-api 2.13.4: a wrong key rejects with status 401', async () => {
    const braze = new Braze(sandbox.urls.braze, 'not-the-key')
    await expect(
      braze.users.track({ attributes: [{ external_id: 'u-1001' }] }),
    ).rejects.toMatchObject({
      status: 401,
    })
  })
})
