import type { Sandbox } from '../../../main/core/simulators/sandbox'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, type ApiClient } from '../../../shared/contract'
import type { Engine } from '../../../main/core/engine'
import { startWebServer, type WebServer } from '../../../main/web/server'
import { createTestEngine } from '../../helpers/engine'
import { startFakeOAuthServer, type FakeOAuthServer } from '../../helpers/oauth-server'
import { startScriptedServer, type ScriptedServer } from '../../helpers/scripted-server'
import { useTempDir } from '../../helpers/temp-dir'
import { SECRETS } from '../../helpers/vault'
import { browserApiClient, fakeRendererDir } from '../../helpers/web-door'

/** Every leaf of the contract, e.g. "profiles.create". */
function operations(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]: [string, object]) =>
    '~orpc' in value ? [`${prefix}${key}`] : operations(value, `${prefix}${key}.`),
  )
}

const TICKET = `{"ticket": {"subject": "Leak check", "comment": {"body": "Hi {{\${first_name}}}"}, "requester": {"name": "Ada", "email": "ada@example.com"}}}`

async function drain<T>(events: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const event of events) all.push(event)
  return all
}

type Call = (api: ApiClient, ids: { profile: string; oauth: string }) => Promise<unknown>

describe('no stored secret ever appears in an API response', () => {
  const tempDir = useTempDir('bridgebench-leak-', 'file')
  let home: string
  let engine: Engine
  let server: WebServer
  let oauth: FakeOAuthServer
  let braze: ScriptedServer
  const responses: unknown[] = []
  const clientSecret = 'client-secret-0123456789'
  const allSecrets = [...Object.values(SECRETS), clientSecret]
  const simulatorSecrets = () => {
    const sandbox = engine.sandbox as Sandbox
    return [
      sandbox.credentials.zendesk.token,
      sandbox.credentials.braze.apiKey,
      sandbox.signingSecret(),
    ]
  }

  beforeAll(async () => {
    home = tempDir()
    engine = await createTestEngine(home, { sandbox: true })
    server = await startWebServer({ engine, rendererDir: fakeRendererDir(tempDir()) })
    oauth = await startFakeOAuthServer()
    braze = await startScriptedServer(() => ({ status: 401, body: { message: 'Invalid API key' } }))
  })
  afterAll(async () => {
    await server.close()
    await engine.close()
    await oauth.close()
    await braze.close()
  })

  const sandboxCaptureId = async (api: ApiClient) => {
    const { items } = await api.captures.list({ route: 'sandbox' })
    return items[0]?.id ?? ''
  }

  const calls: Record<string, Call> = {
    'app.info': (api) => api.app.info(),
    'app.events': async (api) => {
      const stop = new AbortController()
      const events = await api.app.events(undefined, { signal: stop.signal })
      const first = await events.next()
      stop.abort()
      return first.value
    },
    'vault.unlock': (api) => api.vault.unlock({ passphrase: 'correct horse battery staple' }),
    'vault.chooseWeakStorage': (api) => api.vault.chooseWeakStorage({ choice: 'weak' }),
    'profiles.list': (api) => api.profiles.list(),
    'simulators.snapshot': (api) => api.simulators.snapshot(),
    'simulators.events': async (api) => {
      const stop = new AbortController()
      const events = await api.simulators.events(undefined, { signal: stop.signal })
      const next = events.next()
      await api.simulators.solveTicket({ ticketId: 1 })
      const first = await next
      stop.abort()
      return first.value
    },
    'simulators.solveTicket': async (api) => {
      const { zendesk } = await api.simulators.snapshot()
      const open = zendesk.tickets.find((t) => t.status !== 'solved')
      return api.simulators.solveTicket({ ticketId: open?.id ?? 1 })
    },
    'simulators.reopenTicket': (api) => api.simulators.reopenTicket({ ticketId: 1 }),
    'simulators.updateSettings': (api) =>
      api.simulators.updateSettings({ zendesk: { placeholderEscaping: 'raw' } }),
    'profiles.create': (api) =>
      api.profiles.create({
        name: 'Leak check',
        zendesk: oauth.baseUrl,
        zendeskAuth: { mode: 'api-token', email: 'admin@acme.example' },
        brazeEndpoint: braze.url,
        secrets: { ...SECRETS },
      }),
    'profiles.update': (api, ids) =>
      api.profiles.update({ id: ids.profile, changes: { name: 'Leak check 2' } }),
    'profiles.setSecret': (api, ids) =>
      api.profiles.setSecret({
        id: ids.profile,
        slot: 'zendeskApiToken',
        value: SECRETS.zendeskApiToken,
      }),
    'profiles.activate': (api, ids) => api.profiles.activate({ id: ids.profile }),
    'profiles.test': (api, ids) => api.profiles.test({ id: ids.profile }),
    'profiles.export': (api) =>
      api.profiles.export({ includeSecrets: true, passphrase: 'export passphrase' }),
    'profiles.import': async (api) => {
      const file = await api.profiles.export({
        includeSecrets: true,
        passphrase: 'export passphrase',
      })
      return api.profiles.import({ content: file.content, passphrase: 'export passphrase' })
    },
    'profiles.oauthClientCredentials': (api, ids) =>
      api.profiles.oauthClientCredentials({ id: ids.oauth }),
    'profiles.oauthStart': async (api, ids) => {
      await api.profiles.update({
        id: ids.oauth,
        changes: { zendeskAuth: { mode: 'oauth-pkce', clientId: oauth.clientId } },
      })
      return api.profiles.oauthStart({ id: ids.oauth })
    },
    'profiles.oauthFinish': async (api, ids) => {
      const { flowId, authorizeUrl } = await api.profiles.oauthStart({ id: ids.oauth })
      await fetch(authorizeUrl)
      return api.profiles.oauthFinish({ flowId })
    },
    'profiles.removeSecret': (api, ids) =>
      api.profiles.removeSecret({ id: ids.profile, slot: 'brazeApiKey' }),
    'profiles.remove': (api, ids) => api.profiles.remove({ id: ids.profile }),
    // Compose runs after the profile is gone, so the Sandbox is active again for Load from Braze.
    'compose.render': (api) =>
      api.compose.render({
        template: `{% connected_content https://x.example.invalid/?api_key=${SECRETS.brazeApiKey} :headers {"Authorization": "Bearer ${SECRETS.zendeskApiToken}"} %}ok`,
        headers: {
          Authorization: `Bearer ${SECRETS.zendeskApiToken}`,
          'X-Api-Key': SECRETS.brazeApiKey,
        },
        userId: 'u-1001',
        target: 'zendesk-ticket',
      }),
    'compose.renderBatch': async (api) =>
      drain(
        await api.compose.renderBatch({
          template: 'Hi {{${first_name}}}',
          headers: { Authorization: `Bearer ${SECRETS.zendeskApiToken}` },
          users: 'all',
          target: 'zendesk-ticket',
        }),
      ),
    'compose.check': (api) => api.compose.check({ template: '{{ x | nope }}' }),
    'compose.targets': (api) => api.compose.targets(),
    'templates.list': (api) => api.templates.list(),
    'templates.save': (api) =>
      api.templates.save({ name: 'Leak check', body: 'Hi', headers: {}, target: null }),
    'templates.get': (api) => api.templates.get({ id: 'seed-zendesk-ticket' }),
    'templates.remove': async (api) => {
      const saved = (await api.templates.list()).find((t) => t.name === 'Leak check')
      return api.templates.remove({ id: saved?.id ?? '' })
    },
    'templates.saveDraft': (api) =>
      api.templates.saveDraft({
        templateId: 'seed-zendesk-ticket',
        name: 'Draft',
        body: 'Hi',
        headers: {},
        target: null,
      }),
    'templates.drafts': (api) => api.templates.drafts(),
    'templates.discardDraft': (api) =>
      api.templates.discardDraft({ templateId: 'seed-zendesk-ticket' }),
    'users.list': (api) => api.users.list(),
    'users.import': async (api) =>
      drain(await api.users.import({ format: 'csv', text: 'external_id,first_name\nc-1,Cleo\n' })),
    'users.saveCustom': (api) => api.users.saveCustom({ user: { external_id: 'leak-1' } }),
    'users.random': (api) => api.users.random({ seed: 1 }),
    'users.loadFromBraze': (api) => api.users.loadFromBraze({ externalId: 'u-1001' }),
    'users.remove': async (api) => {
      const saved = (await api.users.list()).find((u) => u.user.external_id === 'leak-1')
      return api.users.remove({ id: saved?.id ?? '' })
    },
    // Tickets go to the Sandbox (active again), whose simulated Zendesk accepts them.
    'tickets.send': async (api) =>
      drain(await api.tickets.send({ template: TICKET, userId: 'u-1001' })),
    'tickets.history': (api) => api.tickets.history({ profileId: 'sandbox' }),
    'exchanges.get': async (api) => {
      const [ticket] = await api.tickets.history({ profileId: 'sandbox' })
      return api.exchanges.get({ id: ticket?.exchangeId ?? '' })
    },
    'exchanges.curl': async (api) => {
      const [ticket] = await api.tickets.history({ profileId: 'sandbox' })
      return api.exchanges.curl({ id: ticket?.exchangeId ?? '', withSecrets: false })
    },
    'presets.save': (api) =>
      api.presets.save({
        name: 'Leak',
        templateId: 'seed-zendesk-ticket',
        userId: 'u-1001',
        profileId: null,
        addTestTag: false,
      }),
    'presets.list': (api) => api.presets.list(),
    'presets.fire': async (api) => {
      const [preset] = await api.presets.list()
      return drain(await api.presets.fire({ id: preset?.id ?? '' }))
    },
    'presets.remove': async (api) => {
      const [preset] = await api.presets.list()
      return api.presets.remove({ id: preset?.id ?? '' })
    },
    'tickets.cleanup': async (api) => drain(await api.tickets.cleanup({ profileId: 'sandbox' })),
    // The Sandbox's webhook carries the simulated Braze key as a Bearer token: captured, masked.
    'receiver.updateSettings': (api) =>
      api.receiver.updateSettings({ sandboxThroughReceiver: true }),
    'receiver.start': (api) => api.receiver.start(),
    'receiver.status': (api) => api.receiver.status(),
    'receiver.events': async (api) => {
      const stop = new AbortController()
      const events = await api.receiver.events(undefined, { signal: stop.signal })
      const first = await events.next()
      stop.abort()
      return first.value
    },
    'receiver.settings': (api) => api.receiver.settings(),
    'receiver.saveRoute': (api) =>
      api.receiver.saveRoute({
        name: 'leak',
        answer: { status: 200, retryAfterSeconds: null, delayMs: 0, close: false },
        strictSignature: false,
        profileId: null,
      }),
    'receiver.useSessionSecret': (api) => api.receiver.useSessionSecret({ secret: null }),
    'receiver.removeRoute': (api) => api.receiver.removeRoute({ name: 'leak' }),
    'captures.events': async (api) => {
      const stop = new AbortController()
      const events = await api.captures.events(undefined, { signal: stop.signal })
      const next = events.next()
      const { zendesk } = await api.simulators.snapshot()
      const open = zendesk.tickets.find((t) => t.status !== 'solved')
      await api.simulators.solveTicket({ ticketId: open?.id ?? 1 })
      const first = await next
      stop.abort()
      return first.value
    },
    'captures.list': (api) => api.captures.list({}),
    'captures.get': async (api) => {
      const { items } = await api.captures.list({ route: 'sandbox' })
      return api.captures.get({ id: items[0]?.id ?? '' })
    },
    'captures.curl': async (api) => {
      const { items } = await api.captures.list({ route: 'sandbox' })
      return api.captures.curl({ id: items[0]?.id ?? '' })
    },
    'captures.saveSet': (api) => api.captures.saveSet({ name: 'leak-set', query: {} }),
    'captures.sets': (api) => api.captures.sets(),
    // Forwards of a Sandbox capture: with the capture's own key, then the profile's, read back.
    'forward.run': async (api) => {
      const { items } = await api.captures.list({ route: 'sandbox' })
      return api.forward.run({ captureId: items[0]?.id ?? '', auth: 'profile', readBack: true })
    },
    'forward.ofCapture': async (api) => {
      const { items } = await api.captures.list({ route: 'sandbox' })
      return api.forward.ofCapture({ captureId: items[0]?.id ?? '' })
    },
    'forward.readBack': async (api) => {
      const { items } = await api.exchanges.list({ kind: 'forward', limit: 1 })
      return api.forward.readBack({ exchangeId: items[0]?.id ?? '' })
    },
    'forward.lint': (api) => api.forward.lint({ body: '{"attributes":[{"external_id":""}]}' }),
    'exchanges.list': (api) => api.exchanges.list({}),
    'diffs.compare': async (api) => {
      const id = await sandboxCaptureId(api)
      return api.diffs.compare({ left: { kind: 'capture', id }, right: { kind: 'capture', id } })
    },
    'diffs.expected': async (api) =>
      api.diffs.expected({ captureId: await sandboxCaptureId(api), profileId: 'sandbox' }),
    // The Sandbox forwards its captures: the diff, or an error, must not carry a secret.
    'diffs.forwarded': async (api) =>
      api.diffs.forwarded({ captureId: await sandboxCaptureId(api) }).catch(String),
    'replay.one': async (api) =>
      api.replay.one({ captureId: await sandboxCaptureId(api), target: { kind: 'sandbox' } }),
    'replay.run': async (api) => {
      const events = await api.replay.run({
        source: { kind: 'captures', ids: [await sandboxCaptureId(api)] },
        settings: { target: { kind: 'sandbox' } },
      })
      const all = []
      for await (const event of events) all.push(event)
      return all
    },
    'replay.feed': async (api) => {
      const { capture } = await api.captures.get({ id: await sandboxCaptureId(api) })
      const events = await api.replay.run({
        source: { kind: 'feed' },
        settings: { target: { kind: 'sandbox' } },
      })
      const all = []
      for await (const event of events) {
        all.push(event)
        if (event.type === 'started')
          all.push(
            await api.replay.feed({
              runId: event.summary.runId,
              items: [{ name: 'one', capture }],
              last: true,
            }),
          )
      }
      return all
    },
    'diffs.replayed': async (api) => {
      const [run] = await api.replay.runs()
      const result = await api.replay.one({
        captureId: await sandboxCaptureId(api),
        target: { kind: 'sandbox' },
      })
      return api.diffs
        .replayed({ exchangeId: result.exchangeId ?? '' })
        .catch((error: unknown) => [run, String(error)])
    },
    'replay.cancel': (api) => api.replay.cancel({ runId: 'none' }),
    'replay.runs': (api) => api.replay.runs(),
    'har.export': async (api) => api.har.export({ captureIds: [await sandboxCaptureId(api)] }),
    'har.import': async (api) => {
      const { content } = await api.har.export({ captureIds: [await sandboxCaptureId(api)] })
      return api.har.import({ text: content })
    },
    'receiver.startTunnel': async (api) => {
      const { receiver } = await api.receiver.status()
      await api.receiver.updateSettings({
        tunnel: {
          choice: { provider: 'custom', publicUrl: receiver.url ?? '' },
          selfTestIntervalSeconds: 0,
        },
      })
      return api.receiver.startTunnel()
    },
    'receiver.selfTest': (api) => api.receiver.selfTest(),
    'webhooks.list': (api) => api.webhooks.list({ profileId: 'sandbox' }),
    'webhooks.link': async (api) => {
      const [webhook] = await api.webhooks.list({ profileId: 'sandbox' })
      return api.webhooks.link({
        profileId: 'sandbox',
        webhookId: webhook?.id ?? '',
        route: 'braze',
      })
    },
    'webhooks.invocations': async (api) => {
      const [webhook] = await api.webhooks.list({ profileId: 'sandbox' })
      return api.webhooks.invocations({ profileId: 'sandbox', webhookId: webhook?.id ?? '' })
    },
    'webhooks.unlink': async (api) => {
      const [webhook] = await api.webhooks.list({ profileId: 'sandbox' })
      return api.webhooks.unlink({ profileId: 'sandbox', webhookId: webhook?.id ?? '' })
    },
    'receiver.stopTunnel': (api) => api.receiver.stopTunnel(),
    'captures.remove': async (api) => {
      const { items } = await api.captures.list({ route: 'sandbox' })
      return api.captures.remove({ ids: items.map((i) => i.id) })
    },
    'receiver.stop': (api) => api.receiver.stop(),
    'compose.brazeHandoff': (api, ids) =>
      api.compose.brazeHandoff({ profileId: ids.oauth, body: '{}', headers: {} }),
    'triggers.defaultTemplate': (api) => api.triggers.defaultTemplate(),
    'triggers.samples': (api) => api.triggers.samples({ profileId: 'sandbox' }),
    'triggers.loadTicket': (api) => api.triggers.loadTicket({ profileId: 'sandbox', ticketId: 1 }),
    'triggers.render': async (api) =>
      api.triggers.render({
        template: '{"a": "{{ticket.title}}"}',
        ticket: (await api.triggers.samples({ profileId: 'sandbox' }))[0]!,
        escaping: 'json',
      }),
    'triggers.lint': (api) =>
      api.triggers.lint({ template: '{}', escaping: 'raw', profileId: 'sandbox' }),
    'triggers.send': async (api) =>
      api.triggers.send({
        profileId: 'sandbox',
        template: '{"attributes": [{"external_id": "{{ticket.requester.external_id}}"}]}',
        ticket: (await api.triggers.samples({ profileId: 'sandbox' }))[0]!,
        escaping: 'json',
      }),
    'triggers.plan': (api) => api.triggers.plan({ profileId: 'sandbox' }),
    'triggers.apply': (api) => api.triggers.apply({ profileId: 'sandbox' }),
    'triggers.undo': (api) => api.triggers.undo({ profileId: 'sandbox' }),
  }

  it('covers every operation in the contract', () => {
    expect(Object.keys(calls).sort()).toEqual(operations(contract).sort())
  })

  it('returns set/hint only, never a secret, from every operation', async () => {
    const api = browserApiClient(server)
    const created = await api.profiles.create({
      name: 'OAuth client',
      zendesk: oauth.baseUrl,
      zendeskAuth: { mode: 'oauth-client', clientId: oauth.clientId },
      brazeEndpoint: braze.url,
      secrets: { zendeskClientSecret: clientSecret },
    })
    const ids = { profile: '', oauth: created.id }
    for (const [name, call] of Object.entries(calls)) {
      const result = await call(api, ids).catch((error: unknown) => {
        throw new Error(`${name}: ${String(error)}`)
      })
      if (name === 'profiles.create') ids.profile = (result as { id: string }).id
      responses.push(result)
      const text = JSON.stringify(result)
      for (const secret of [...allSecrets, ...simulatorSecrets()]) {
        expect(text, `${name} leaked a secret`).not.toContain(secret)
      }
    }
    // OAuth tokens are secrets too.
    for (const token of oauth.validAccessTokens)
      expect(JSON.stringify(responses)).not.toContain(token)
  })

  it('leaves only ciphertext in the data folder', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name)
        return statSync(full).isDirectory() ? files(full) : [full]
      })
    for (const file of files(home)) {
      const text = readFileSync(file, 'utf8')
      for (const secret of [...allSecrets, ...simulatorSecrets()])
        expect(text, file).not.toContain(secret)
    }
  })
})
