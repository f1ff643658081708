import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ulid } from 'ulid'
import { afterEach, describe, expect, it } from 'vitest'
import {
  ExchangeStore,
  INTERRUPTED_MESSAGE,
} from '../../../../../main/core/captures/exchange-store'
import { InvalidRecordIdError } from '../../../../../main/core/storage/record-store'
import { ticketAttempt, ticketExchange } from '../../../../helpers/exchanges'
import { useTempDir } from '../../../../helpers/temp-dir'

const NOW = new Date('2026-11-30T12:00:00Z')

describe('ExchangeStore', () => {
  const tempDir = useTempDir()
  const stores: ExchangeStore[] = []
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close()
  })
  async function open(dir: string) {
    const store = await ExchangeStore.open(dir, { now: () => NOW })
    stores.push(store)
    return store
  }

  it('saves an exchange pending, then replaces it as its attempt completes', async () => {
    const store = await open(tempDir())
    const id = store.newId(NOW)
    await store.save(ticketExchange(id, [ticketAttempt(null)]))
    await store.save(ticketExchange(id, [ticketAttempt(201, 42)]))
    expect((await store.get(id))?.attempts[0]?.response?.status).toBe(201)
    expect((await store.list()).items).toEqual([
      {
        id,
        summary: expect.objectContaining({ state: 'done', status: 201, ticketId: 42 }) as unknown,
      },
    ])
  })

  it('lists newest first, filtered by kind and profile, from its index', async () => {
    const store = await open(tempDir())
    const ids = [store.newId(NOW), store.newId(NOW), store.newId(NOW)]
    await store.save(ticketExchange(ids[0] ?? '', [ticketAttempt(201, 1)]))
    await store.save(ticketExchange(ids[1] ?? '', [ticketAttempt(422)], { profileId: 'sandbox' }))
    await store.save(ticketExchange(ids[2] ?? '', [ticketAttempt(201, 3)]))
    const page = await store.list({ kind: 'zendesk-ticket-create', profileId: 'p-1a2b3c4d' })
    expect(page.items.map((i) => i.id)).toEqual([ids[2], ids[0]])
  })

  it('completes a send a crash cut off as "no answer recorded (interrupted)"', async () => {
    const dir = tempDir()
    const first = await open(dir)
    const id = first.newId(NOW)
    await first.save(ticketExchange(id, [ticketAttempt(null)]))
    await first.close()
    const reopened = await open(dir)
    const record = await reopened.get(id)
    expect(record?.state).toBe('done')
    expect(record?.attempts[0]).toMatchObject({
      state: 'failed',
      error: { reason: 'interrupted', message: INTERRUPTED_MESSAGE },
    })
    expect(reopened.interruptedAtOpen).toBe(1)
  })

  it('reads an exchange file of the first release as one send with one attempt', async () => {
    const dir = tempDir()
    const id = ulid(Date.parse('2026-11-20T10:00:00.000Z'))
    mkdirSync(path.join(dir, 'exchanges'))
    const legacy = {
      id,
      kind: 'zendesk-ticket-create',
      startedAt: '2026-11-20T10:00:00.000Z',
      profileId: 'sandbox',
      attempt: 2,
      idempotencyKey: 'bridgebench-abc',
      request: {
        method: 'POST',
        url: 'http://127.0.0.1:4567/api/v2/tickets.json',
        headers: { 'content-type': 'application/json', authorization: 'Basic ••••' },
        body: '{"ticket":{"subject":"Hi"}}',
      },
      response: {
        status: 201,
        statusText: 'Created',
        headers: { 'content-type': 'application/json', 'set-cookie': 'session=abc123' },
        body: '{"ticket":{"id":7}}',
      },
      timings: { dns: 1, tcp: 2, request: 1, firstByte: 5, download: 1, total: 10 },
      error: null,
      correlation: { ticketId: '7' },
    }
    writeFileSync(path.join(dir, 'exchanges', `${id}.json`), JSON.stringify(legacy))
    const store = await open(dir)
    expect(await store.get(id)).toEqual({
      id,
      kind: 'zendesk-ticket-create',
      startedAt: '2026-11-20T10:00:00.000Z',
      state: 'done',
      profileId: 'sandbox',
      idempotencyKey: 'bridgebench-abc',
      authorization: 'profile',
      correlation: { ticketId: '7' },
      attempts: [
        {
          attempt: 2,
          state: 'answered',
          request: {
            method: 'POST',
            url: 'http://127.0.0.1:4567/api/v2/tickets.json',
            headers: [
              ['content-type', 'application/json'],
              ['authorization', 'Basic ••••'],
            ],
            body: {
              encoding: 'utf8',
              data: '{"ticket":{"subject":"Hi"}}',
              size: 27,
              truncated: false,
            },
            at: '2026-11-20T10:00:00.000000Z',
          },
          response: {
            status: 201,
            statusText: 'Created',
            headers: [
              ['content-type', 'application/json'],
              ['set-cookie', '••••'],
            ],
            body: { encoding: 'utf8', data: '{"ticket":{"id":7}}', size: 19, truncated: false },
            at: '2026-11-20T10:00:00.010000Z',
          },
          timings: { dns: 1, connect: 2, firstByte: 5, total: 10 },
          error: null,
          retry: null,
        },
      ],
    })
    expect((await store.list()).items[0]?.summary).toMatchObject({ ticketId: 7, status: 201 })
  })

  it('refuses an id that is not a ULID before touching the folder', async () => {
    const store = await open(tempDir())
    await expect(store.get('../settings')).rejects.toThrow(InvalidRecordIdError)
    await expect(store.save(ticketExchange('../settings', []))).rejects.toThrow(
      InvalidRecordIdError,
    )
  })
})
