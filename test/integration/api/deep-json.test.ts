import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../main/core/engine'
import { startWebServer, type WebServer } from '../../../main/web/server'
import { ACCESS_TOKEN_HEADER, API_PATH } from '../../../shared/web-access'
import { createTestEngine } from '../../helpers/engine'
import { useTempDir } from '../../helpers/temp-dir'
import { browserApiClient, fakeRendererDir } from '../../helpers/web-door'
import { MAX_JSON_DEPTH } from '../../../shared/security/json-nesting'

const DEPTH = 200_000
/** JSON arrays nested 200,000 deep: 400 kB of text, which JSON.parse reads but little else can. */
const DEEP = '['.repeat(DEPTH) + ']'.repeat(DEPTH)

interface Answer {
  status: number
  json: unknown
  message: string
}

describe('the API and JSON nested 200,000 deep', () => {
  const tempDir = useTempDir('bridgebench-deep-', 'file')
  let engine: Engine
  let server: WebServer
  const logged: string[] = []

  beforeAll(async () => {
    engine = await createTestEngine(tempDir(), { log: (line) => logged.push(line) })
    server = await startWebServer({ engine, rendererDir: fakeRendererDir(tempDir()) })
  })
  afterAll(async () => {
    await server.close()
    await engine.close()
  })

  /**
   * Posts raw oRPC JSON: the typed client cannot even serialize data this deep, but any script
   * on the machine can send it.
   */
  async function call(operation: string, inputJson: string): Promise<Answer> {
    const res = await fetch(`${server.origin}${API_PATH}/${operation}`, {
      method: 'POST',
      headers: {
        origin: server.origin,
        [ACCESS_TOKEN_HEADER]: server.token,
        'content-type': 'application/json',
      },
      body: `{"json":${inputJson}}`,
    })
    const body = (await res.json()) as { json: { message?: string } }
    return { status: res.status, json: body.json, message: body.json.message ?? '' }
  }

  const firstUserId = () => engine.users.list()[0]?.id ?? ''

  it.each([
    [
      'users.saveCustom',
      'users/saveCustom',
      () => `{"user":{"external_id":"deep","custom_attributes":{"x":${DEEP}}}}`,
      'user.custom_attributes.x.0.0.…',
    ],
    [
      'compose.render (an inline user)',
      'compose/render',
      () => `{"template":"hi","user":{"external_id":"a","custom_attributes":{"x":${DEEP}}}}`,
      'user.custom_attributes.x.0.0.…',
    ],
    [
      'compose.render (a canned Connected Content body)',
      'compose/render',
      () =>
        `{"template":"hi","userId":"${firstUserId()}","connectedContent":{"responses":{"https://x.example/a":{"body":${DEEP}}}}}`,
      'connectedContent.responses.https://x.example/a.body.0.…',
    ],
    [
      'simulators.updateSettings',
      'simulators/updateSettings',
      () => `{"zendesk":${DEEP}}`,
      'zendesk.0.0.0.0.…',
    ],
  ])(
    'refuses data nested too deeply in %s with 400, naming where',
    async (_op, path, input, where) => {
      const answer = await call(path, input())
      expect(answer.status).toBe(400)
      expect(answer.message).toBe(
        `The request is nested too deeply (more than 256 levels of arrays and objects) at ${where}: send flatter data.`,
      )
      expect(logged).toEqual([])
    },
  )

  it.each([
    ['json', DEEP, 1, 257],
    ['csv', `external_id,x\nu-1,"${DEEP}"\n`, 2, 1],
  ] as const)(
    'reports a %s users file nested too deeply as a problem at its place',
    async (format, text, line, column) => {
      // The file is a string in the request, so the typed client sends it; the import streams
      // progress and ends with a summary.
      const events = await browserApiClient(server).users.import({ format, text })
      let result: unknown
      for await (const event of events) if (event.type === 'result') result = event
      expect(result).toEqual({
        type: 'result',
        count: 0,
        first: null,
        problems: [expect.objectContaining({ code: 'json-too-deep', line, column })],
      })
      expect(logged).toEqual([])
    },
  )

  it('saves and renders a user whose attributes nest right up to the limit', async () => {
    const api = browserApiClient(server)
    // {user: {custom_attributes: {x: …}}} takes 3 levels of the request.
    let value: unknown = 'leaf'
    for (let level = 0; level < MAX_JSON_DEPTH - 3; level++) value = [value]
    const saved = await api.users.saveCustom({
      user: { external_id: 'deep-ok', custom_attributes: { x: value } },
    })
    const rendered = await api.compose.render({
      template: '{{ custom_attribute.${x} | as_json_string }}',
      userId: saved.id,
    })
    expect(rendered.output).toBe(JSON.stringify(value))
    expect(logged).toEqual([])
  })

  it('lints a template whose output nests too deeply instead of overflowing', async () => {
    const template = JSON.stringify(`{"ticket": ${'['.repeat(100_000)}}`)
    const answer = await call(
      'compose/render',
      `{"template":${template},"userId":"${firstUserId()}","target":"zendesk-ticket"}`,
    )
    expect(answer.status).toBe(200)
    expect(answer.json).toMatchObject({
      // The object is level 1; its first [ (column 12) level 2; the 256th [ level 257.
      problems: [expect.objectContaining({ code: 'json-too-deep', line: 1, column: 12 + 255 })],
    })
    expect(logged).toEqual([])
  })
})
