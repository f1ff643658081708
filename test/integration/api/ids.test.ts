import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../shared/contract'
import type { Engine } from '../../../main/core/engine'
import { startWebServer, type WebServer } from '../../../main/web/server'
import { createTestEngine } from '../../helpers/engine'
import { useTempDir } from '../../helpers/temp-dir'
import { browserApiClient, fakeRendererDir } from '../../helpers/web-door'

const OUTSIDE_MARKER = 'OUTSIDE-FILE-CONTENT-7f3a'

/** Ids a caller might use to reach a file: traversal, absolute, NUL, encoded dots, overlong. */
function hostileIds(root: string): string[] {
  return [
    '../settings',
    '../../elsewhere/x',
    path.join(root, 'elsewhere', 'x'),
    '/etc/passwd',
    'settings\u0000.json',
    '%2e%2e%2fsettings',
    '..%2F..%2Felsewhere%2Fx',
    '0'.repeat(26) + '/../settings',
    'A'.repeat(100_000),
  ]
}

describe('every id an operation takes is checked as an id of its kind', () => {
  const tempDir = useTempDir('bridgebench-ids-', 'file')
  let root: string
  let engine: Engine
  let server: WebServer
  let api: ApiClient

  beforeAll(async () => {
    root = tempDir()
    mkdirSync(path.join(root, 'elsewhere'))
    writeFileSync(path.join(root, 'elsewhere', 'x.json'), JSON.stringify({ m: OUTSIDE_MARKER }))
    const dataFolder = path.join(root, 'data')
    engine = await createTestEngine(dataFolder)
    engine.vault.create({
      name: 'SETTINGS-MARKER profile',
      zendesk: 'acme',
      zendeskAuth: { mode: 'api-token', email: 'a@acme.example' },
      brazeEndpoint: 'US-01',
    })
    server = await startWebServer({ engine, rendererDir: fakeRendererDir(tempDir()) })
    api = browserApiClient(server)
  })
  afterAll(async () => {
    await server.close()
    await engine.close()
  })

  async function refusal(call: Promise<unknown>): Promise<string> {
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error, 'the call should have been refused').toBeInstanceOf(Error)
    return (error as Error).message
  }

  function expectRefusedWithoutReading(message: string, expected: RegExp): void {
    expect(message).toMatch(expected)
    expect(message).not.toContain(OUTSIDE_MARKER)
    expect(message).not.toContain('SETTINGS-MARKER')
    expect(message).not.toMatch(/schemaVersion|activeProfileId|Unexpected token|JSON/)
  }

  it('refuses exchange ids that are not ULIDs (get and curl)', async () => {
    for (const id of hostileIds(root)) {
      expectRefusedWithoutReading(await refusal(api.exchanges.get({ id })), /record id/)
      expectRefusedWithoutReading(
        await refusal(api.exchanges.curl({ id, withSecrets: false })),
        /record id/,
      )
    }
  })

  it('refuses profile ids that are not "sandbox" or p- and 8 hex digits', async () => {
    for (const id of hostileIds(root)) {
      expectRefusedWithoutReading(await refusal(api.profiles.remove({ id })), /profile id/)
      expectRefusedWithoutReading(
        await refusal(api.tickets.history({ profileId: id })),
        /profile id/,
      )
      expectRefusedWithoutReading(
        await refusal(api.profiles.export({ ids: [id], includeSecrets: false })),
        /profile id/,
      )
    }
  })

  it('refuses template and preset ids outside their formats', async () => {
    for (const id of hostileIds(root)) {
      expectRefusedWithoutReading(await refusal(api.templates.get({ id })), /template id/)
      expectRefusedWithoutReading(await refusal(api.presets.remove({ id })), /preset id/)
    }
  })

  it('refuses sample user ids with control characters or over 512 characters', async () => {
    for (const id of ['u\u0000-1001', 'x'.repeat(513), '']) {
      expectRefusedWithoutReading(await refusal(api.users.remove({ id })), /sample user id/)
    }
  })

  it('refuses ticket ids that are not positive whole numbers', async () => {
    for (const ticketId of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2]) {
      expectRefusedWithoutReading(
        await refusal(api.tickets.cleanup({ profileId: 'sandbox', ticketIds: [ticketId] })),
        /ticket/i,
      )
    }
  })

  it('still answers a well-formed id that names nothing with "not found"', async () => {
    const message = await refusal(api.exchanges.get({ id: '01JDQ8W9T6V3N2M1K0H9G8F7E6' }))
    expect(message).toMatch(/No exchange 01JDQ8W9T6V3N2M1K0H9G8F7E6/)
  })
})
