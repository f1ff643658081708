import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  startZendeskSimulator,
  type ZendeskSimulator,
} from '../../../main/core/simulators/zendesk/zendesk-simulator'
import { zendeskApi } from './support'

const RECORD_INVALID = { error: 'RecordInvalid', description: 'Record validation errors' }

describe('simulated Zendesk tickets (reference/zendesk.md §4)', () => {
  let zendesk: ZendeskSimulator
  let api: ReturnType<typeof zendeskApi>

  beforeEach(async () => {
    zendesk = await startZendeskSimulator({
      users: [
        { id: 381726354, name: 'Ada Lovelace', email: 'ada@example.com', externalId: 'u-1001' },
      ],
      ticketFields: [{ id: 4417940288916, title: 'Application URL', regexp: '^https?://' }],
    })
    api = zendeskApi(zendesk)
  })
  afterEach(() => zendesk.close())

  const create = (ticket: Record<string, unknown>, headers?: Record<string, string>) =>
    api('POST', '/tickets.json', { ticket }, headers)

  it('creates a ticket: 201, Location, the ticket and its audit', async () => {
    const answer = await create({ subject: 'Printer', comment: { body: 'It is on fire' } })
    expect(answer.status).toBe(201)
    expect(answer.headers.location).toBe(`${zendesk.apiUrl}/tickets/1.json`)
    expect(answer.body).toMatchObject({
      ticket: {
        id: 1,
        subject: 'Printer',
        description: 'It is on fire',
        status: 'new',
        via: { channel: 'api' },
      },
      audit: {
        ticket_id: 1,
        events: expect.arrayContaining([
          expect.objectContaining({ type: 'Comment', body: 'It is on fire' }),
        ]) as unknown,
      },
    })
  })

  it('shows a ticket at its agent URL, so "Open ticket" links work on the Sandbox', async () => {
    await create({
      subject: 'Printer <on fire>',
      comment: { body: 'Help' },
      requester: { name: 'Ada', email: 'ada@example.com' },
    })
    const page = await fetch(`${zendesk.url}/agent/tickets/1`)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await page.text()
    expect(html).toContain('#1 Printer &#60;on fire&#62;')
    expect(html).toContain('Ada Lovelace<br><span class="muted">ada@example.com</span>')
    expect(html).toContain('<div class="comment-body">Help</div>')
    expect((await fetch(`${zendesk.url}/agent/tickets/99`)).status).toBe(404)
  })

  it('serves the same resource with and without the .json suffix', async () => {
    await create({ comment: { body: 'x' } })
    const [withSuffix, without] = await Promise.all([
      api('GET', '/tickets/1.json'),
      api('GET', '/tickets/1'),
    ])
    expect(withSuffix.status).toBe(200)
    expect(without.body).toEqual(withSuffix.body)
  })

  it('lists tickets, filters by external_id, and paginates by cursor on request', async () => {
    await create({ comment: { body: 'a' }, external_id: 'ext-1' })
    await create({ comment: { body: 'b' } })
    const all = await api('GET', '/tickets')
    expect(all.body).toMatchObject({ count: 2, next_page: null })
    const filtered = await api('GET', '/tickets?external_id=ext-1')
    expect((filtered.body as { tickets: Array<{ id: number }> }).tickets.map((t) => t.id)).toEqual([
      1,
    ])
    const page = await api('GET', '/tickets.json?page[size]=1')
    expect(page.body).toMatchObject({ tickets: [{ id: 1 }], meta: { has_more: true } })
    const next = (page.body as { links: { next: string } }).links.next
    expect(new URL(next).searchParams.get('page[size]')).toBe('1')
  })

  it('updates a ticket with 200 and a Change audit event', async () => {
    await create({ comment: { body: 'x' } })
    const answer = await api('PUT', '/tickets/1.json', {
      ticket: { status: 'solved', comment: { body: 'Fixed', public: false } },
    })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      ticket: { id: 1, status: 'solved' },
      audit: {
        events: expect.arrayContaining([
          {
            id: expect.any(Number) as unknown,
            type: 'Change',
            field_name: 'status',
            value: 'solved',
            previous_value: 'new',
          },
        ]) as unknown,
      },
    })
  })

  it('refuses to update a closed ticket', async () => {
    await create({ comment: { body: 'x' } })
    await api('PUT', '/tickets/1', { ticket: { status: 'closed' } })
    const answer = await api('PUT', '/tickets/1', { ticket: { subject: 'again' } })
    expect(answer.status).toBe(422)
    expect(answer.body).toEqual({
      ...RECORD_INVALID,
      details: {
        status: [
          { description: 'Status: closed prevents ticket update', error: 'ClosedPreventsUpdate' },
        ],
      },
    })
  })

  it('deletes a ticket with 204 and no body, then answers 404 RecordNotFound', async () => {
    await create({ comment: { body: 'x' } })
    const deleted = await api('DELETE', '/tickets/1')
    expect(deleted.status).toBe(204)
    expect(deleted.text).toBe('')
    const gone = await api('GET', '/tickets/1')
    expect(gone.status).toBe(404)
    expect(gone.body).toEqual({ error: 'RecordNotFound', description: 'Not found' })
  })

  it('bulk-deletes with destroy_many: a queued job_status, completed in the background', async () => {
    await create({ comment: { body: 'a' } })
    await create({ comment: { body: 'b' } })
    const answer = await api('DELETE', '/tickets/destroy_many.json?ids=1,2,99')
    expect(answer.status).toBe(200)
    const job = (answer.body as { job_status: { id: string; status: string; url: string } })
      .job_status
    expect(job).toMatchObject({ status: 'queued', total: 3, progress: 0 })
    expect(job.url).toBe(`${zendesk.apiUrl}/job_statuses/${job.id}.json`)
    await vi.waitFor(async () => {
      const status = await api('GET', `/job_statuses/${job.id}.json`)
      expect(status.body).toMatchObject({
        job_status: {
          status: 'completed',
          progress: 3,
          message: expect.stringMatching(
            /^Completed at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000$/,
          ) as unknown,
          results: [
            { id: 1, success: true },
            { id: 2, success: true },
            { id: 99, success: false },
          ],
        },
      })
    })
    expect(zendesk.tickets()).toEqual([])
  })

  describe('requester (§4.2)', () => {
    it('uses an existing user found by email and does not update them', async () => {
      const answer = await create({
        comment: { body: 'x' },
        requester: { name: 'Someone Else', email: 'ADA@example.com' },
      })
      expect(answer.body).toMatchObject({ ticket: { requester_id: 381726354 } })
      expect(zendesk.users().find((u) => u.id === 381726354)?.name).toBe('Ada Lovelace')
    })

    it('creates an unverified end user for an unknown email', async () => {
      const answer = await create({
        comment: { body: 'x' },
        requester: { name: 'Grace Hopper', email: 'grace@example.com' },
      })
      const requesterId = (answer.body as { ticket: { requester_id: number } }).ticket.requester_id
      const user = await api('GET', `/users/${requesterId}`)
      expect(user.body).toMatchObject({
        user: {
          name: 'Grace Hopper',
          email: 'grace@example.com',
          role: 'end-user',
          verified: false,
        },
      })
    })

    it('refuses an unknown requester_id with 422 under requester', async () => {
      const answer = await create({ comment: { body: 'x' }, requester_id: 123 })
      expect(answer.status).toBe(422)
      expect(answer.body).toEqual({
        ...RECORD_INVALID,
        details: { requester: [{ description: 'Requester: is invalid', error: 'InvalidValue' }] },
      })
    })

    it('accepts requester_id as a numeric string, as Rails does', async () => {
      const answer = await create({ comment: { body: 'x' }, requester_id: '381726354' })
      expect(answer.body).toMatchObject({ ticket: { requester_id: 381726354 } })
    })
  })

  describe('422 RecordInvalid bodies, verbatim from §4.5', () => {
    it('Description: cannot be blank', async () => {
      const answer = await create({ subject: 'No comment' })
      expect(answer.status).toBe(422)
      expect(answer.text).toBe(
        '{"error":"RecordInvalid","description":"Record validation errors","details":{"base":[{"description":"Description: cannot be blank","error":"BlankValue","ticket_field_id":21414565,"ticket_field_type":"FieldDescription"}]}}',
      )
    })

    it('Requester: Name:  is too short', async () => {
      const answer = await create({
        comment: { body: 'x' },
        requester: { name: '', email: 'new@example.com' },
      })
      expect(answer.text).toBe(
        '{"error":"RecordInvalid","description":"Record validation errors","details":{"requester":[{"description":"Requester: Name:  is too short (minimum is 1 character)"}]}}',
      )
    })

    it('Name: is too short on user create', async () => {
      const answer = await api('POST', '/users.json', { user: { name: '' } })
      expect(answer.status).toBe(422)
      expect(answer.text).toBe(
        '{"error":"RecordInvalid","description":"Record validation errors","details":{"name":[{"description":"Name: is too short (minimum is 1 characters)"}]}}',
      )
    })

    it('Requester: Email: … is not properly formatted', async () => {
      const answer = await create({
        comment: { body: 'x' },
        requester: { name: 'Jon', email: 'jon@example' },
      })
      expect(answer.body).toEqual({
        ...RECORD_INVALID,
        details: {
          requester: [{ description: 'Requester: Email: jon@example is not properly formatted' }],
        },
      })
    })

    it('Assignee cannot be set while the ticket is being routed', async () => {
      zendesk.updateSettings({ routingEnabled: true })
      const answer = await create({ comment: { body: 'x' }, assignee_id: 7000000000001 })
      expect(answer.body).toEqual({
        ...RECORD_INVALID,
        details: {
          assignee_id: [
            {
              description: 'Assignee cannot be set while the ticket is being routed',
              error: 'InvalidValue',
            },
          ],
        },
      })
    })

    it('a custom field that fails its regular expression', async () => {
      const answer = await create({
        comment: { body: 'x' },
        custom_fields: [{ id: 4417940288916, value: 'ftp://x' }],
      })
      expect(answer.body).toEqual({
        ...RECORD_INVALID,
        details: {
          base: [
            {
              description: 'Application URL: is invalid',
              error: 'InvalidValue',
              field_key: 4417940288916,
            },
          ],
        },
      })
    })
  })

  describe('Idempotency-Key (§2.1)', () => {
    const ticket = { subject: 'Once', comment: { body: 'only once' } }

    it('answers the first use as a miss and a replay as a hit with the original 201, creating one ticket', async () => {
      const first = await create(ticket, { 'idempotency-key': 'key-1' })
      const replay = await create(ticket, { 'idempotency-key': 'key-1' })
      expect(first.status).toBe(201)
      expect(first.headers['x-idempotency-lookup']).toBe('miss')
      expect(replay.status).toBe(201)
      expect(replay.headers['x-idempotency-lookup']).toBe('hit')
      expect(replay.headers.location).toBe(first.headers.location)
      expect(replay.body).toEqual(first.body)
      expect(zendesk.tickets()).toHaveLength(1)
    })

    it('refuses the same key with different parameters with 400 IdempotentRequestError', async () => {
      await create(ticket, { 'idempotency-key': 'key-2' })
      const answer = await create({ ...ticket, subject: 'Changed' }, { 'idempotency-key': 'key-2' })
      expect(answer.status).toBe(400)
      expect(answer.body).toEqual({
        error: 'IdempotentRequestError',
        description: "Request parameters don't match the given idempotency key",
      })
    })

    it('sends no lookup header without a key', async () => {
      expect((await create(ticket)).headers['x-idempotency-lookup']).toBeUndefined()
    })
  })

  describe('rate limits (§3)', () => {
    it('sends the budget headers and answers 429 with Retry-After once it is spent', async () => {
      zendesk.updateSettings({ rateLimits: { requestsPerMinute: 2 } })
      const first = await api('GET', '/tickets')
      expect(first.headers).toMatchObject({
        'x-rate-limit': '2',
        'x-rate-limit-remaining': '1',
        'ratelimit-limit': '2',
        'ratelimit-remaining': '1',
      })
      expect(Number(first.headers['ratelimit-reset'])).toBeGreaterThan(0)
      await api('GET', '/tickets')
      const limited = await api('GET', '/tickets')
      expect(limited.status).toBe(429)
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1)
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60)
      expect(limited.body).toEqual({
        error: 'APIRateLimitExceeded',
        description: 'Number of allowed API requests per minute exceeded',
      })
    })

    it("uses the plan's budget from the §3.1 table", async () => {
      zendesk.updateSettings({ rateLimits: { plan: 'team' } })
      expect((await api('GET', '/tickets')).headers['x-rate-limit']).toBe('200')
    })
  })
})
