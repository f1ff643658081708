import { afterEach, describe, expect, it } from 'vitest'
import {
  startBrazeSimulator,
  type BrazeSimulator,
} from '../../../main/core/simulators/braze/braze-simulator'
import {
  startZendeskSimulator,
  type ZendeskSimulator,
} from '../../../main/core/simulators/zendesk/zendesk-simulator'
import { sendRaw } from './raw-http'
import { tokenAuth, zendeskApi } from './support'

const deep = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`
const json = (body: string | Buffer) => (typeof body === 'string' ? Buffer.from(body) : body)
const INVALID_UTF8 = Buffer.concat([
  Buffer.from('{"ticket": {"subject": "'),
  Buffer.from([0xff, 0xc0]),
  Buffer.from('"}}'),
])

describe('simulated Zendesk: client errors are 4xx with Zendesk’s bodies', () => {
  let zendesk: ZendeskSimulator
  afterEach(() => zendesk.close())
  const post = (path: string, body: string | Buffer) =>
    sendRaw(zendesk.port, {
      method: 'POST',
      target: path,
      headers: [
        ['authorization', tokenAuth(zendesk)],
        ['content-type', 'application/json'],
      ],
      body: json(body),
    })

  it('answers a path that is not valid percent-encoding with 400, even without auth', async () => {
    zendesk = await startZendeskSimulator()
    for (const target of ['/api/v2/webhooks/%E0%A4%A', '/api/v2/webhooks/%zz.json']) {
      const answer = await sendRaw(zendesk.port, { method: 'GET', target, headers: [] })
      expect(answer.status).toBe(400)
      expect(JSON.parse(answer.body)).toEqual({
        error: 'InvalidEndpoint',
        description: 'Bad Request: the URL path is not valid percent-encoded UTF-8',
      })
    }
  })

  it('answers a request target that is not a URL with 400', async () => {
    zendesk = await startZendeskSimulator()
    for (const target of ['http://[::1/api/v2/users/me', '//[x']) {
      const answer = await sendRaw(zendesk.port, { method: 'GET', target, headers: [] })
      expect(answer.status).toBe(400)
    }
  })

  it('refuses JSON nested deeper than 100 (as Rails does) with 400 InvalidJSON', async () => {
    zendesk = await startZendeskSimulator()
    const answer = await post('/api/v2/tickets.json', `{"ticket": {"tags": ${deep(100)}}}`)
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toEqual({
      error: 'InvalidJSON',
      description: 'The request body is not valid JSON: nesting of 101 is too deep',
    })
    expect((await post('/api/v2/tickets.json', `{"ticket": ${deep(99)}}`)).status).toBe(422)
  })

  it('refuses a body that is not valid UTF-8 with 400 InvalidJSON', async () => {
    zendesk = await startZendeskSimulator()
    const answer = await post('/api/v2/tickets.json', INVALID_UTF8)
    expect(answer.status).toBe(400)
    expect(answer.body).toContain('not valid UTF-8')
  })

  it('still answers its own faults with a 500 body, and keeps serving', async () => {
    zendesk = await startZendeskSimulator({
      send: () => {
        throw new Error('sender exploded')
      },
    })
    const api = zendeskApi(zendesk)
    const answer = await api('POST', '/webhooks/test', {
      request: { endpoint: 'http://127.0.0.1:9/x', http_method: 'POST', request_format: 'json' },
    })
    expect(answer.status).toBe(500)
    expect(answer.body).toEqual({ error: 'InternalError', description: 'sender exploded' })
    expect((await api('GET', '/users/me')).status).toBe(200)
  })
})

describe('simulated Braze: client errors are 4xx with Braze’s bodies', () => {
  let braze: BrazeSimulator
  afterEach(() => braze.close())
  const track = (body: string | Buffer) =>
    sendRaw(braze.port, {
      method: 'POST',
      target: '/users/track',
      headers: [
        ['authorization', 'Bearer rest-key'],
        ['content-type', 'application/json'],
      ],
      body: json(body),
    })

  it('refuses JSON nested deeper than 100 with 400', async () => {
    braze = await startBrazeSimulator({ apiKey: 'rest-key' })
    const answer = await track(`{"attributes": [{"external_id": "u-1", "x": ${deep(100)}}]}`)
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toEqual({
      message: 'Bad Request: the request body is not valid JSON (nesting of 101 is too deep)',
    })
  })

  it('refuses a body that is not valid UTF-8 with 400', async () => {
    braze = await startBrazeSimulator({ apiKey: 'rest-key' })
    const answer = await track(INVALID_UTF8)
    expect(answer.status).toBe(400)
    expect(answer.body).toContain('not valid UTF-8')
  })

  it('still answers its own faults with a 500 body, and keeps serving', async () => {
    let broken = false
    braze = await startBrazeSimulator({
      apiKey: 'rest-key',
      now: () => {
        if (broken) throw new Error('clock exploded')
        return new Date('2026-01-01T00:00:00Z')
      },
    })
    const good = '{"attributes": [{"external_id": "u-1"}]}'
    broken = true
    const answer = await track(good)
    expect(answer.status).toBe(500)
    expect(JSON.parse(answer.body)).toEqual({ message: 'clock exploded' })
    broken = false
    expect((await track(good)).status).toBe(201)
  })
})
