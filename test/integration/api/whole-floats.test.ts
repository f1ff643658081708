import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../shared/contract'
import type { BrazeUserProfile } from '../../../shared/contract/users'
import { parseJsonKeepingFloats } from '../../../shared/numbers/json-keeping-floats'
import { RubyFloat } from '../../../shared/numbers/ruby-float'
import type { Engine } from '../../../main/core/engine'
import { startWebServer, type WebServer } from '../../../main/web/server'
import { createTestEngine } from '../../helpers/engine'
import { useTempDir } from '../../helpers/temp-dir'
import {
  browserApiClient,
  fakeRendererDir,
  openApiSocket,
  socketApiClient,
} from '../../helpers/web-door'

/** Ruby prints Float 2.0 as `2.0` and Integer 2 as `2`: Braze's Liquid does the same. */
const TEMPLATE = '{{custom_attribute.${balance}}}|{{custom_attribute.${visits}}}'
const USER_JSON = '{"external_id":"f-1","custom_attributes":{"balance":2.0,"visits":2}}'

describe("a user's 2.0 stays a Float from their JSON to the render", () => {
  const tempDir = useTempDir('bridgebench-floats-')
  const running: Array<{ server: WebServer; engine: Engine }> = []
  afterEach(async () => {
    for (const { server, engine } of running.splice(0)) {
      await server.close()
      await engine.close()
    }
  })

  async function open(dir: string): Promise<ApiClient> {
    const engine = await createTestEngine(dir)
    const server = await startWebServer({ engine, rendererDir: fakeRendererDir(dir) })
    running.push({ server, engine })
    return browserApiClient(server)
  }

  /** The first user an import saved (users.import streams progress, then a summary). */
  async function importedId(api: ApiClient, text: string): Promise<string> {
    for await (const event of await api.users.import({ format: 'json', text })) {
      if (event.type === 'result') return event.first?.id ?? 'none imported'
    }
    return 'no result'
  }

  const renderFor = async (api: ApiClient, userId: string) =>
    (await api.compose.render({ template: TEMPLATE, userId })).output

  it('when the user is imported from JSON and picked by id', async () => {
    const api = await open(tempDir())
    const id = await importedId(api, `[${USER_JSON}]`)
    expect(await renderFor(api, id)).toBe('2.0|2')
  })

  it('after the engine restarts and reads the saved library again', async () => {
    const dir = tempDir()
    const first = await open(dir)
    const id = await importedId(first, USER_JSON)
    const { server, engine } = running.pop()!
    await server.close()
    await engine.close()
    expect(readFileSync(path.join(dir, 'users.json'), 'utf8')).toContain('"balance": 2.0')
    const again = await open(dir)
    expect(await renderFor(again, id)).toBe('2.0|2')
  })

  it('when the user is sent inline over HTTP', async () => {
    const api = await open(tempDir())
    const user = parseJsonKeepingFloats(USER_JSON) as BrazeUserProfile
    const result = await api.compose.render({ template: TEMPLATE, user })
    expect(result.output).toBe('2.0|2')
    expect(result.renderedFor.user.custom_attributes?.balance).toStrictEqual(new RubyFloat(2))
  })

  it('when a hand-edited user is saved, listed and rendered over the WebSocket', async () => {
    const dir = tempDir()
    await open(dir)
    const socket = openApiSocket(running[0]!.server)
    try {
      const api = socketApiClient(socket)
      const user = parseJsonKeepingFloats(USER_JSON) as BrazeUserProfile
      const saved = await api.users.saveCustom({ user })
      const listed = (await api.users.list()).find((entry) => entry.id === saved.id)
      expect(listed?.user.custom_attributes?.balance).toStrictEqual(new RubyFloat(2))
      expect(await renderFor(api, saved.id)).toBe('2.0|2')
    } finally {
      socket.close()
    }
  })
})
