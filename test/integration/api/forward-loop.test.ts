import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient, Capture, CaptureEvent } from '../../../shared/contract'
import type { Engine } from '../../../main/core/engine'
import { rawBodyBytes } from '../../../main/core/net/raw-record'
import { startWebServer, type WebServer } from '../../../main/web/server'
import { createTestEngine } from '../../helpers/engine'
import { useTempDir } from '../../helpers/temp-dir'
import { browserApiClient, fakeRendererDir } from '../../helpers/web-door'

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'expect'])
const endToEnd = (headers: Array<[string, string]>) =>
  headers.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()))

/** The Sandbox's whole loop with the defaults: solve → capture → forward → Braze profile. */
describe.each([
  ['secret storage unlocked', false],
  // A browser-mode user who never set a passphrase: Zendesk's key cannot be kept as ciphertext.
  ['secret storage locked', true],
])(
  'the Sandbox delivers through the receiver and forwards to the simulated Braze (%s)',
  (_, locked) => {
    const tempDir = useTempDir('bridgebench-forward-loop-', 'file')
    let engine: Engine
    let server: WebServer
    let api: ApiClient

    beforeAll(async () => {
      engine = await createTestEngine(tempDir(), { sandbox: true, locked })
      server = await startWebServer({ engine, rendererDir: fakeRendererDir(tempDir()) })
      api = browserApiClient(server)
    })
    afterAll(async () => {
      await server.close()
      await engine.close()
    })

    /** Solves a ticket and waits until its capture's forward is no longer pending. */
    async function solveAndForward(): Promise<{ capture: Capture; externalId: string }> {
      const events = await api.captures.events()
      const forwarded = (async () => {
        for await (const event of events as AsyncIterable<CaptureEvent>) {
          if (event.type === 'updated' && event.summary.forward?.state !== 'pending') return event
        }
        return undefined
      })()
      const snapshot = await api.simulators.snapshot()
      const ticket = snapshot.zendesk.tickets.find((t) => t.requesterExternalId)
      if (!ticket?.requesterExternalId) throw new Error('no ticket with a known requester')
      if (ticket.status === 'solved') await api.simulators.reopenTicket({ ticketId: ticket.id })
      await api.simulators.solveTicket({ ticketId: ticket.id })
      const event = await forwarded
      if (event?.type !== 'updated') throw new Error('no forward finished')
      const capture = (await engine.captures.get(event.summary.id)) as Capture
      return { capture, externalId: ticket.requesterExternalId }
    }

    it('is on by default, with the receiver started by the Sandbox', async () => {
      const settings = await api.receiver.settings()
      expect(settings.sandboxThroughReceiver).toBe(true)
      expect((await api.receiver.status()).receiver.state).toBe('running')
    })

    it('forwards a solved ticket capture-first, and the simulated Braze profile gets the attribute and event', async () => {
      const { capture, externalId } = await solveAndForward()
      expect(capture.route).toBe('sandbox')
      expect(capture.answer.status).toBe(200)
      expect(capture.forward).toMatchObject({
        state: 'forwarded',
        run: 'capture-first',
        status: 201,
      })
      const { braze } = await api.simulators.snapshot()
      const profile = braze.profiles.find((p) => p.externalId === externalId)
      expect(profile?.customAttributes.zendesk_last_ticket_status).toBe('Solved')
      expect(profile?.timeline.map((entry) => entry.name)).toContain('zendesk_ticket_solved')
    })

    it('records an exchange whose forwarded request differs from the capture only in hop-by-hop headers and Host', async () => {
      const { capture } = await solveAndForward()
      const exchange = await api.exchanges.get({ id: capture.forward?.exchangeId ?? '' })
      expect(exchange).toMatchObject({ kind: 'forward', state: 'done' })
      expect(exchange.correlation).toMatchObject({ captureId: capture.id, route: 'sandbox' })
      const sent = exchange.attempts[0]?.request
      expect(sent?.url).toMatch(/\/users\/track$/)
      expect(exchange.attempts[0]?.timings?.total).toBeGreaterThan(0)
      // Credentials are masked alike in both records; the forward used the capture's own key.
      expect(endToEnd(sent?.headers ?? [])).toEqual(endToEnd(capture.request.headers))
      expect(rawBodyBytes(sent!.body).equals(rawBodyBytes(capture.request.body))).toBe(true)
    })

    it("lists a capture's forwards, and links the exchange by capture id", async () => {
      const { capture } = await solveAndForward()
      const forwards = await api.forward.ofCapture({ captureId: capture.id })
      expect(forwards).toEqual([
        expect.objectContaining({ exchangeId: capture.forward?.exchangeId, outcome: 'forwarded' }),
      ])
      const { items } = await api.exchanges.list({ captureId: capture.id })
      expect(items.map((item) => item.id)).toEqual([capture.forward?.exchangeId])
    })

    it('forwards again by hand with the profile key, reading the profile back', async () => {
      const { capture } = await solveAndForward()
      const result = await api.forward.run({
        captureId: capture.id,
        auth: 'profile',
        readBack: true,
      })
      expect(result.outcome).toMatchObject({ state: 'forwarded' })
      expect(result.readBack?.error).toBeNull()
      expect(result.readBack?.summary).toMatch(/arrived/)
      const items = result.readBack?.users[0]?.items ?? []
      expect(items.find((item) => item.name === 'zendesk_last_ticket_status')?.state).toBe(
        'arrived',
      )
      expect(items.find((item) => item.name === 'zendesk_ticket_solved')?.state).toBe('arrived')
    })
  },
)
