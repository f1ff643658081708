import { startBrazeSimulator } from '../../main/core/simulators/braze/braze-simulator'
import { closeServer, requestsServed, startEchoServer, type Benchmark } from '../harness'

/** A realistic /users/track call of about 1 KB: an attribute update, two events and a purchase. */
export const TRACK_BODY = JSON.stringify({
  attributes: [
    {
      external_id: 'u-1001',
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      country: 'GB',
      plan: 'enterprise',
      zendesk_last_ticket_id: '4711',
      zendesk_last_ticket_status: 'Solved',
      zendesk_tickets_solved: { inc: 1 },
      favorite_colors: { add: ['green'], remove: ['red'] },
    },
  ],
  events: [
    {
      external_id: 'u-1001',
      name: 'zendesk_ticket_solved',
      time: '2026-11-24T10:15Z',
      properties: {
        ticket_id: '4711',
        subject: 'Printer on fire in the third-floor meeting room',
        priority: 'High',
        via: 'Web service',
        tags: 'printer hardware urgent',
        agent: 'Grace Hopper',
      },
    },
    {
      external_id: 'u-1002',
      name: 'zendesk_ticket_commented',
      time: '2026-11-24T10:16:30Z',
      properties: { ticket_id: '4712', public: true, channel: 'email', language: 'es' },
    },
  ],
  purchases: [
    {
      external_id: 'u-1001',
      product_id: 'support-plan-gold',
      currency: 'USD',
      price: 49.99,
      quantity: 1,
      time: '2026-11-24T10:17:00Z',
      properties: { source: 'zendesk', renewal: true },
    },
  ],
})

/**
 * Simulated Braze `/users/track` (key check, rate-limit window and headers, validation, profile
 * updates) against a bare node:http JSON echo of the same body, in the same run.
 */
export const brazeTrack: Benchmark = {
  name: 'braze-track',
  async setup({ duration }) {
    const braze = await startBrazeSimulator({
      apiKey: 'bench-key',
      // The rate limiter stays on (its cost is measured) with a budget load cannot exhaust.
      settings: { rateLimit: { enabled: true, limit: 1_000_000_000, windowSeconds: 3 } },
    })
    const echo = await startEchoServer()
    const headers = { 'content-type': 'application/json' }
    return {
      comparisons: [
        {
          name: `simulated Braze /users/track (${TRACK_BODY.length} B body) vs bare node:http echo`,
          unit: 'req/CPU-s',
          target: 0.3,
          minRounds: 7,
          baseline: () =>
            requestsServed({
              url: echo.url,
              method: 'POST',
              headers,
              body: TRACK_BODY,
              duration,
            }),
          subject: () =>
            requestsServed({
              url: braze.trackUrl,
              method: 'POST',
              headers: { ...headers, authorization: 'Bearer bench-key' },
              body: TRACK_BODY,
              duration,
            }),
        },
      ],
      async close() {
        await braze.close()
        await closeServer(echo.server)
      },
    }
  },
}
