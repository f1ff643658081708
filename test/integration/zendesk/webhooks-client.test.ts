import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startSandbox, type Sandbox } from '../../../main/core/simulators/sandbox'
import {
  getWebhook,
  listAttempts,
  listInvocations,
  listWebhooks,
  setWebhookEndpoint,
} from '../../../main/core/zendesk/webhooks-client'
import { offlineHttpClient } from '../../helpers/offline-http'
import { tokenAuth } from '../simulators/support'

/** Pointing Zendesk at the receiver: the account's webhooks and their invocation log. */
describe('the Zendesk webhooks client, against the simulated Zendesk', () => {
  let sandbox: Sandbox
  const http = offlineHttpClient()
  const target = () => ({
    baseUrl: sandbox.urls.zendesk,
    authorization: tokenAuth(sandbox.zendesk),
  })

  beforeEach(async () => {
    sandbox = await startSandbox({ zendeskSettings: { delivery: { queueDelayMs: 0 } } })
  })
  afterEach(() => sandbox.close())

  it("lists the account's webhooks and repoints one, then puts it back", async () => {
    const [webhook] = await listWebhooks(http, target())
    expect(webhook).toMatchObject({ id: sandbox.webhookId, endpoint: sandbox.urls.brazeTrack })
    await setWebhookEndpoint(
      http,
      target(),
      sandbox.webhookId,
      'https://abc.example.test/hooks/braze',
    )
    expect((await getWebhook(http, target(), sandbox.webhookId)).endpoint).toBe(
      'https://abc.example.test/hooks/braze',
    )
    await setWebhookEndpoint(http, target(), sandbox.webhookId, sandbox.urls.brazeTrack)
    expect(sandbox.zendesk.webhooks()[0]?.endpoint).toBe(sandbox.urls.brazeTrack)
  })

  it('reads the invocation log and each invocation’s attempts', async () => {
    const ticket = sandbox.zendesk.tickets()[0]!
    sandbox.solveTicket(ticket.id)
    await vi.waitFor(async () =>
      expect((await listInvocations(http, target(), sandbox.webhookId))[0]?.status).toBe(
        'succeeded',
      ),
    )
    const [invocation] = await listInvocations(http, target(), sandbox.webhookId)
    const attempts = await listAttempts(http, target(), sandbox.webhookId, invocation!.id)
    expect(attempts[0]).toMatchObject({ statusCode: 201 })
  })

  it('says what to do when the credentials are refused, or the webhook is gone', async () => {
    await expect(
      listWebhooks(http, { ...target(), authorization: 'Basic d3Jvbmc6d3Jvbmc=' }),
    ).rejects.toThrow(/HTTP 401.*refused the credentials/)
    await expect(getWebhook(http, target(), '01XXXXXXXXXXXXXXXXXXXXXXXX')).rejects.toThrow(
      /HTTP 404.*no such webhook/,
    )
  })
})
