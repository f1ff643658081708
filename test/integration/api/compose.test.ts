import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../shared/contract'
import { collectBatch } from '../../../shared/compose/collect-batch'
import type { Engine } from '../../../main/core/engine'
import { SEED_TEMPLATE_ID } from '../../../main/core/templates/built-in-templates'
import { startWebServer, type WebServer } from '../../../main/web/server'
import { createTestEngine } from '../../helpers/engine'
import { seedTemplate } from '../../helpers/liquid-fixtures'
import { useTempDir } from '../../helpers/temp-dir'
import { importUsersThroughApi } from '../../helpers/user-import'
import { browserApiClient, fakeRendererDir } from '../../helpers/web-door'

/** The Compose screen's operations through the browser door, on an engine with the Sandbox. */
describe('compose, templates and users over the typed API', () => {
  const tempDir = useTempDir('bridgebench-compose-api-', 'file')
  let engine: Engine
  let server: WebServer
  let api: ApiClient

  beforeAll(async () => {
    engine = await createTestEngine(tempDir(), { sandbox: true })
    server = await startWebServer({ engine, rendererDir: fakeRendererDir(tempDir()) })
    api = browserApiClient(server)
  })
  afterAll(async () => {
    await server.close()
    await engine.close()
  })

  describe('compose', () => {
    it('renders for a sample user, with the render time and whom it rendered for', async () => {
      const result = await api.compose.render({
        template: 'Hi {{${first_name}}}',
        userId: 'u-1001',
      })
      expect(result).toMatchObject({
        output: 'Hi Ada',
        aborted: null,
        problems: [],
        renderedFor: { id: 'u-1001', label: 'Ada Lovelace (u-1001)', source: 'built-in' },
      })
      expect(result.durationMs).toBeGreaterThanOrEqual(0)
    })

    it('says a Liquid-only render vouches for the Liquid alone', async () => {
      const result = await api.compose.render({ template: seedTemplate(), userId: 'u-1001' })
      expect(result.lintedAs).toBe('liquid')
      expect(result.problems).toEqual([])
    })

    it('checks the JSON of a Liquid-only render whose headers send it as JSON', async () => {
      const result = await api.compose.render({
        template: seedTemplate(),
        headers: { 'content-type': 'application/json; charset=utf-8' },
        userId: 'u-1001',
      })
      expect(result.lintedAs).toBe('json')
      expect(result.problems.map((p) => p.code)).toContain('invalid-json')
      expect(result.problems.map((p) => p.code)).not.toContain('zendesk-status')
    })

    it('previews the body up to a Liquid error instead of nothing, naming where it stops', async () => {
      const result = await api.compose.render({
        template:
          '{"ticket": {\n  "comment": {"body": "Hi {{${first_name}}}"},\n  "subject": "{{ticket_subject",\n  "status": "new"\n}}',
        userId: 'u-1001',
      })
      expect(result.output).toBe('')
      expect(result.problems).toMatchObject([{ code: 'unclosed-output', line: 3, column: 15 }])
      expect(result.renderedUntilError).toEqual({
        text: '{"ticket": {\n  "comment": {"body": "Hi Ada"},\n  "subject": "',
        line: 3,
        column: 15,
      })
    })

    it('masks credentials in rendered headers before they leave the engine', async () => {
      const result = await api.compose.render({
        template: '{"ticket": {"comment": {"body": "Hi"}}}',
        headers: {
          Authorization:
            "Basic {{ 'agent@acme.example/token:zd-SECRET-0123456789' | base64_encode }}",
          'Content-Type': 'application/json',
        },
        userId: 'u-1001',
        target: 'zendesk-ticket',
      })
      expect(result.headers).toEqual({
        Authorization: 'Basic ••••',
        'Content-Type': 'application/json',
      })
      expect(JSON.stringify(result)).not.toContain(
        Buffer.from('agent@acme.example/token:zd-SECRET-0123456789').toString('base64'),
      )
      expect(result.problems.map((p) => p.source)).toContain('header:Authorization')
    })

    it('answers Connected Content from a pasted response and masks credentials in the call', async () => {
      const url = 'https://api.example.invalid/orders?api_key=k-SECRET-000111222'
      const result = await api.compose.render({
        template: `{% connected_content ${url} :basic_auth creds :save order %}{{ order.total }}`,
        userId: 'u-1001',
        connectedContent: { responses: { [url]: { status: 200, body: { total: 42 } } } },
      })
      expect(result.output).toBe('42')
      const [call] = result.connectedContent
      expect(call?.outcome).toBe('canned')
      expect(call?.url).not.toContain('k-SECRET-000111222')
      expect(call?.options.basicAuth).toBe('••••')
    })

    it('lists the seed template’s known problems for a user', async () => {
      const result = await api.compose.render({
        template: seedTemplate(),
        userId: 'u-1002',
        target: 'zendesk-ticket',
      })
      expect(result.problems.map((p) => p.code)).toEqual(
        expect.arrayContaining([
          'placeholder',
          'invalid-json',
          'zendesk-requester-id',
          'zendesk-status',
        ]),
      )
    })

    it('says which user it cannot find, and that it needs exactly one', async () => {
      await expect(api.compose.render({ template: 'x', userId: 'nobody' })).rejects.toThrow(
        'No sample user "nobody"',
      )
      await expect(api.compose.render({ template: 'x' })).rejects.toThrow(
        /Give either userId or user/,
      )
    })

    it('renders a batch and reports who fails and why', async () => {
      const progress: number[] = []
      const batch = await collectBatch(
        await api.compose.renderBatch({
          template:
            '{"ticket": {"comment": {"body": "Hi"}, "requester": {"email": "{{${email_address}}}"}}}',
          users: 'built-in',
          target: 'zendesk-ticket',
        }),
        (done) => progress.push(done),
      )
      expect(batch.rows.map((r) => [r.userId, r.ok])).toEqual([
        ['u-1001', true],
        ['u-1002', true],
        ['u-1003', false],
        ['60aa00bb11cc22dd33ee44ff', false],
      ])
      expect(batch.rows[2]?.problems[0]?.code).toBe('zendesk-requester-email')
      expect(batch.totals).toMatchObject({ users: 4, failing: 2 })
      expect(progress.at(-1)).toBe(4)
    })

    it('renders a random batch whose rows can be previewed by id', async () => {
      const batch = await collectBatch(
        await api.compose.renderBatch({
          template: '{{${first_name}}}',
          users: { random: 3, seed: 5 },
        }),
      )
      expect(batch.seed).toBe(5)
      const again = await api.compose.render({ template: '{{${first_name}}}', userId: 'rnd-5-3' })
      expect(again.renderedFor.source).toBe('random')
    })

    it('checks a template without rendering, and lists the lint targets', async () => {
      const problems = await api.compose.check({ template: '{{ x | nope }}' })
      expect(problems).toEqual([expect.objectContaining({ code: 'unknown-filter', line: 1 })])
      expect(await api.compose.targets()).toEqual([
        { id: 'zendesk-ticket', label: 'Zendesk: create ticket' },
        { id: 'json', label: 'JSON body (any API)' },
      ])
    })
  })

  describe('templates', () => {
    it('starts with the read-only seed, and saves, reopens and removes a copy', async () => {
      const [seed] = await api.templates.list()
      if (!seed) throw new Error('The template list is empty')
      expect(seed).toMatchObject({ id: SEED_TEMPLATE_ID, builtIn: true })
      await expect(api.templates.save({ ...seed, id: SEED_TEMPLATE_ID })).rejects.toThrow(/Save as/)
      const copy = await api.templates.save({
        name: 'API copy',
        body: seed.body,
        headers: seed.headers,
        target: 'zendesk-ticket',
      })
      expect(await api.templates.get({ id: copy.id })).toEqual(copy)
      expect((await api.templates.list()).map((t) => t.name)).toContain('API copy')
      expect(await api.templates.remove({ id: copy.id })).toEqual({ removed: true })
      await expect(api.templates.get({ id: copy.id })).rejects.toThrow(/No template with id/)
    })
  })

  describe('users', () => {
    it('imports a CSV, keeping the readable rows, and lists them after the built-ins', async () => {
      const result = await importUsersThroughApi(api, {
        format: 'csv',
        text: 'external_id,first_name,address.city\nc-1,Cleo,Rome\nc-2\n',
      })
      expect(result.count).toBe(1)
      expect(result.first?.user).toEqual({
        external_id: 'c-1',
        first_name: 'Cleo',
        custom_attributes: { address: { city: 'Rome' } },
      })
      expect(result.problems.map((p) => [p.code, p.line])).toEqual([['csv-row-length', 3]])
      const list = await api.users.list()
      expect(list.slice(0, 4).every((u) => u.source === 'built-in')).toBe(true)
      expect(list.map((u) => u.id)).toContain(result.first?.id)
    })

    it('saves a custom user, makes a random one, and removes them', async () => {
      const custom = await api.users.saveCustom({ user: { external_id: 'me', first_name: 'Me' } })
      const edited = await api.users.saveCustom({
        id: custom.id,
        user: { external_id: 'me', first_name: 'Myself' },
      })
      expect(edited).toMatchObject({ id: custom.id, label: 'Myself (me)', source: 'custom' })
      const random = await api.users.random({ seed: 3 })
      expect(random).toMatchObject({ source: 'random', user: { external_id: 'rnd-3-1' } })
      expect(await api.users.remove({ id: custom.id })).toEqual({ removed: true })
      expect(await api.users.remove({ id: random.id })).toEqual({ removed: true })
      await expect(api.users.remove({ id: 'u-1001' })).rejects.toThrow(/cannot be removed/)
    })

    it('loads a user from the simulated Braze with the Sandbox profile’s key', async () => {
      const loaded = await api.users.loadFromBraze({ externalId: 'u-1002' })
      expect(loaded).toMatchObject({
        source: 'braze',
        user: { external_id: 'u-1002', first_name: 'José "Pepe"' },
      })
      expect((await api.users.list()).map((u) => u.id)).toContain(loaded.id)
      const rendered = await api.compose.render({ template: '{{${last_name}}}', userId: loaded.id })
      expect(rendered.output).toBe('Núñez')
    })

    it('says so when Braze has no user with that external id', async () => {
      await expect(api.users.loadFromBraze({ externalId: 'nobody-here' })).rejects.toThrow(
        /No Braze user has the external id "nobody-here"/,
      )
    })
  })
})
