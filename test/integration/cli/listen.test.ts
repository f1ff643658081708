import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../main/cli/program'
import { signZendeskWebhook } from '../../../main/core/zendesk/webhook-signature'
import { fakeCliIo } from '../../helpers/cli'
import { startScriptedServer } from '../../helpers/scripted-server'
import { TEST_PASSPHRASE } from '../../helpers/engine'
import { useTempDir } from '../../helpers/temp-dir'

const SECRET = 'dGhpc19pc19hX2xpc3Rlbl90ZXN0X3NlY3JldA'

describe('bridgebench listen', () => {
  const tempDir = useTempDir('bridgebench-listen-')

  function lines(text: string): Array<Record<string, unknown>> {
    return text
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
  }

  it('prints a ready line, then one NDJSON line per capture, and writes them as a capture set', async () => {
    const home = tempDir()
    const out = path.join(tempDir(), 'set')
    const run = fakeCliIo({
      BRIDGEBENCH_HOME: home,
      BRIDGEBENCH_PASSPHRASE: TEST_PASSPHRASE,
      LISTEN_SECRET: SECRET,
    })
    const exit = runCli(
      [
        'listen',
        '--json',
        '--route',
        'zd',
        '--out',
        out,
        '--secret-env',
        'LISTEN_SECRET',
        '--answer',
        '202',
      ],
      run.io,
    )
    const ready = JSON.parse(await run.firstLine()) as {
      event: string
      url: string
      publicUrl: null
    }
    expect(ready).toMatchObject({ event: 'ready', publicUrl: null })
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hooks\/zd$/)

    const body = '{"ticket": {"id": 7, "status": "Solved"}}'
    const timestamp = '2026-11-30T12:00:00Z'
    const answer = await fetch(ready.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer key-that-must-not-leak-0123',
        'x-zendesk-webhook-invocation-id': '8350205582',
        'x-zendesk-webhook-signature-timestamp': timestamp,
        'x-zendesk-webhook-signature': signZendeskWebhook({ secret: SECRET, timestamp, body }),
      },
      body,
    })
    expect(answer.status).toBe(202)
    await expect.poll(() => lines(run.stdout()).length, { timeout: 5_000 }).toBe(2)
    run.stop()
    expect(await exit).toBe(0)

    const capture = lines(run.stdout())[1]
    expect(capture).toMatchObject({
      event: 'capture',
      method: 'POST',
      path: '/hooks/zd',
      size: Buffer.byteLength(body),
      contentType: 'application/json',
      parse: { ok: true, error: null },
      signature: { verdict: 'valid', cause: null },
      invocation: { id: '8350205582', attempt: 1 },
    })
    const [file] = readdirSync(out)
    const saved = readFileSync(path.join(out, file ?? ''), 'utf8')
    expect(JSON.parse(saved)).toMatchObject({ id: capture?.id, request: { body: { data: body } } })
    expect(saved).not.toContain('key-that-must-not-leak-0123')
    expect(run.stdout()).not.toContain('key-that-must-not-leak-0123')
  })

  it('forwards each capture with --forward and prints a forward line when Braze has answered', async () => {
    const braze = await startScriptedServer(() => ({ status: 201, body: { message: 'success' } }))
    try {
      const run = fakeCliIo({
        BRIDGEBENCH_HOME: tempDir(),
        BRIDGEBENCH_PASSPHRASE: TEST_PASSPHRASE,
      })
      const args = ['listen', '--json', '--route', 'fw', '--forward', 'capture-first']
      const exit = runCli([...args, '--forward-to', braze.url, '--forward-auth', 'capture'], run.io)
      const ready = JSON.parse(await run.firstLine()) as { url: string }
      const body = '{"attributes": [{"external_id": "u-1", "plan": "gold"}]}'
      const answer = await fetch(`${ready.url}/users/track`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer braze-key-0123' },
        body,
      })
      expect(answer.status).toBe(200)
      await expect.poll(() => lines(run.stdout()).length, { timeout: 5_000 }).toBe(3)
      run.stop()
      expect(await exit).toBe(0)
      expect(lines(run.stdout())[2]).toMatchObject({
        event: 'forward',
        state: 'forwarded',
        status: 201,
      })
      expect(braze.seen[0]).toMatchObject({ path: '/users/track', body })
      expect(braze.seen[0]?.headers.authorization).toBe('Bearer braze-key-0123')
    } finally {
      await braze.close()
    }
  })

  it('refuses a --secret-env that is not set, and a tunnel without its URL', async () => {
    const home = tempDir()
    const unset = fakeCliIo({ BRIDGEBENCH_HOME: home })
    expect(await runCli(['listen', '--secret-env', 'NOPE_NOT_SET'], unset.io)).toBe(2)
    expect(unset.stderr()).toMatch(/NOPE_NOT_SET: that variable is not set/)
    const noUrl = fakeCliIo({ BRIDGEBENCH_HOME: home })
    expect(await runCli(['listen', '--tunnel', 'localtunnel'], noUrl.io)).toBe(2)
    expect(noUrl.stderr()).toMatch(/needs --tunnel-url/)
  })
})
