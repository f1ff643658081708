import { afterEach, describe, expect, it } from 'vitest'
import { checkBrazeKey } from '../../../main/core/connection/braze-check'
import {
  startScriptedServer,
  type ScriptedReply,
  type ScriptedServer,
  type SeenRequest,
} from '../../helpers/scripted-server'
import { offlineHttpClient } from '../../helpers/offline-http'

describe('Braze connection check', () => {
  let server: ScriptedServer | undefined
  afterEach(() => server?.close())

  async function check(reply: (request: SeenRequest) => ScriptedReply) {
    server = await startScriptedServer(reply)
    return checkBrazeKey(offlineHttpClient(), {
      endpoint: server.url,
      apiKey: 'braze-key-0123456789',
    })
  }

  const valid = {
    status: 400,
    body: {
      message: "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.",
    },
  }

  it('passes a key with users.track and users.export.ids, writing nothing', async () => {
    const checks = await check((req) =>
      req.path === '/users/track'
        ? valid
        : {
            status: 201,
            body: {
              message: 'success',
              users: [],
              invalid_user_ids: ['bridgebench-connection-check'],
            },
          },
    )
    expect(checks.map((c) => c.outcome)).toEqual(['pass', 'pass'])
    expect(server?.seen.map((r) => [r.path, r.body])).toEqual([
      ['/users/track', '{}'],
      [
        '/users/export/ids',
        '{"external_ids":["bridgebench-connection-check"],"fields_to_export":["external_id"]}',
      ],
    ])
    expect(server?.seen[0]?.headers.authorization).toBe('Bearer braze-key-0123456789')
  })

  it('fails an invalid key and mentions the wrong-instance cause', async () => {
    const checks = await check(() => ({ status: 401, body: { message: 'Invalid API key: x' } }))
    expect(checks).toHaveLength(1)
    expect(checks[0]).toMatchObject({ outcome: 'fail', reason: 'unauthorized' })
    expect(checks[0]?.message).toMatch(/EU vs US/)
  })

  it('fails a key without users.track', async () => {
    const checks = await check(() => ({ status: 403, body: { message: 'Access Denied' } }))
    expect(checks[0]).toMatchObject({ outcome: 'fail', reason: 'permission' })
    expect(checks[0]?.message).toMatch(/lacks the users\.track permission/)
  })

  it('only warns when the key lacks users.export.ids (forwarding still works)', async () => {
    const checks = await check((req) =>
      req.path === '/users/track' ? valid : { status: 403, body: { message: 'Access Denied' } },
    )
    expect(checks.map((c) => c.outcome)).toEqual(['pass', 'warn'])
    expect(checks[1]?.message).toMatch(/users\.export\.ids/)
  })
})
