import got from 'got'
import { afterEach, describe, expect, it } from 'vitest'
import { deleteTickets } from '../../../main/core/zendesk/ticket-cleanup'
import { startScriptedServer, type ScriptedServer } from '../../helpers/scripted-server'

describe('deleteTickets', () => {
  let server: ScriptedServer | undefined
  afterEach(() => server?.close())

  it('deletes in chunks of 100 with progress, and reports a failed chunk without stopping', async () => {
    let call = 0
    server = await startScriptedServer(() =>
      call++ === 1
        ? { status: 429, body: { error: 'APIRateLimitExceeded' }, headers: { 'retry-after': '30' } }
        : { status: 200, body: { job_status: { id: 'job1', status: 'queued' } } },
    )
    const ids = Array.from({ length: 250 }, (_, i) => i + 1)
    const progress: string[] = []
    const result = await deleteTickets(got, {
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
    const result = await deleteTickets(got, { baseUrl: server.url, authorization: 'x', ids: [7] })
    expect(server.seen[0]?.path).toBe('/api/v2/tickets/7.json')
    expect(result.deleted).toEqual([7])
  })
})
