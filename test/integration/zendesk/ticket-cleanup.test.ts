import { afterEach, describe, expect, it } from 'vitest'
import { ExchangeStore } from '../../../main/core/captures/exchange-store'
import { deleteTickets } from '../../../main/core/zendesk/ticket-cleanup'
import { offlineHttpClient } from '../../helpers/offline-http'
import { startScriptedServer, type ScriptedServer } from '../../helpers/scripted-server'
import { useTempDir } from '../../helpers/temp-dir'

describe('deleteTickets', () => {
  const tempDir = useTempDir()
  let server: ScriptedServer | undefined
  afterEach(() => server?.close())

  function deps() {
    const exchanges = new ExchangeStore(tempDir())
    const now = () => new Date('2026-11-25T10:00:00Z')
    return { http: offlineHttpClient(), exchanges, now }
  }

  it('deletes in chunks of 100 with progress, and reports a failed chunk without stopping', async () => {
    let call = 0
    server = await startScriptedServer(() =>
      call++ === 1
        ? { status: 429, body: { error: 'APIRateLimitExceeded' }, headers: { 'retry-after': '30' } }
        : { status: 200, body: { job_status: { id: 'job1', status: 'queued' } } },
    )
    const ids = Array.from({ length: 250 }, (_, i) => i + 1)
    const progress: string[] = []
    const result = await deleteTickets(deps(), {
      profileId: 'p',
      baseUrl: server.url,
      authorization: 'Bearer t',
      ids,
      onProgress: (p) => progress.push(`${p.done}/${p.total}`),
    })
    expect(progress).toEqual(['100/250', '200/250', '250/250'])
    expect(server.seen.map((r) => r.path.split('?ids=')[1]?.split(',').length)).toEqual([
      100, 100, 50,
    ])
    expect(server.seen[0]?.method).toBe('DELETE')
    expect(result.deleted).toHaveLength(150)
    expect(result.failed).toEqual([
      { ids: ids.slice(100, 200), message: expect.stringMatching(/400 deletions a minute/) },
    ])
  })

  it('deletes a single ticket with DELETE /tickets/{id}', async () => {
    server = await startScriptedServer(() => ({ status: 204 }))
    const result = await deleteTickets(deps(), {
      profileId: 'p',
      baseUrl: server.url,
      authorization: 'x',
      ids: [7],
    })
    expect(server.seen[0]?.path).toBe('/api/v2/tickets/7.json')
    expect(result.deleted).toEqual([7])
  })

  it('keeps each DELETE as a zendesk-ticket-delete exchange, credentials masked', async () => {
    server = await startScriptedServer(() => ({ status: 204 }))
    const cleanup = deps()
    const saved: string[] = []
    const save = cleanup.exchanges.save.bind(cleanup.exchanges)
    cleanup.exchanges.save = (record) => {
      saved.push(record.id)
      return save(record)
    }
    await deleteTickets(cleanup, {
      profileId: 'p',
      baseUrl: server.url,
      authorization: 'Bearer secret-token-0123456789',
      ids: [7],
    })
    const record = await cleanup.exchanges.get(saved[0] ?? '')
    expect(record).toMatchObject({
      kind: 'zendesk-ticket-delete',
      state: 'done',
      profileId: 'p',
      correlation: { ticketId: '7' },
      attempts: [
        {
          state: 'answered',
          request: { method: 'DELETE', url: `${server.url}/api/v2/tickets/7.json` },
          response: { status: 204 },
        },
      ],
    })
    expect(record?.attempts[0]?.request.headers).toContainEqual(['authorization', 'Bearer ••••'])
    expect(JSON.stringify(record)).not.toContain('secret-token')
  })
})
