import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../main/cli/program'
import { writeCaptureSet } from '../../../main/core/captures/capture-sets'
import {
  ZENDESK_TEST_SIGNING_SECRET,
  verifyZendeskWebhook,
} from '../../../main/core/zendesk/webhook-signature'
import { testCapture, trackBody } from '../../helpers/captures'
import { startScriptedServer } from '../../helpers/scripted-server'
import { fakeCliIo } from '../../helpers/cli'
import { TEST_PASSPHRASE } from '../../helpers/engine'
import { useTempDir } from '../../helpers/temp-dir'

describe('bridgebench replay', () => {
  const tempDir = useTempDir()

  async function setup(bodies: string[]) {
    const home = tempDir()
    const set = path.join(home, 'set')
    await writeCaptureSet(
      set,
      bodies.map((body) => testCapture({ body })),
    )
    const env = {
      BRIDGEBENCH_HOME: path.join(home, 'data'),
      BRIDGEBENCH_PASSPHRASE: TEST_PASSPHRASE,
    }
    return { home, set, env, junit: path.join(home, 'report.xml') }
  }

  it('replays a set to the Sandbox, writes JUnit and exits 0 when every capture passes', async () => {
    const { set, env, junit } = await setup([trackBody('u-1001'), trackBody('u-1002')])
    const run = fakeCliIo(env)
    const args = ['replay', set, '--to', 'sandbox', '--junit', junit, '--standalone']
    expect(await runCli(args, run.io), run.stderr()).toBe(0)
    const xml = readFileSync(junit, 'utf8')
    expect(xml).toMatch(/<testsuite name="set" tests="2" failures="0"/)
    expect(xml.match(/<testcase /g)).toHaveLength(2)
    expect(run.stdout()).toMatch(/2 passed, 0 failed of 2 \(sandbox/)
  })

  it('exits 1 when Braze refuses one capture, and the JUnit report names it', async () => {
    const { set, env, junit } = await setup([trackBody('u-1001'), '{"attributes": "nope"}'])
    const run = fakeCliIo(env)
    const args = ['replay', set, '--to', 'sandbox', '--junit', junit, '--standalone']
    expect(await runCli(args, run.io)).toBe(1)
    const xml = readFileSync(junit, 'utf8')
    expect(xml).toMatch(/tests="2" failures="1"/)
    expect(xml).toMatch(/<failure message="[^"]*400/)
    expect(run.stderr()).toMatch(/1 of 2 replayed captures failed/)
  })

  it('prints NDJSON with --json: one result line per capture, then the summary', async () => {
    const { set, env } = await setup([trackBody('u-1001')])
    const run = fakeCliIo(env)
    expect(await runCli(['replay', set, '--to', 'sandbox', '--json', '--standalone'], run.io)).toBe(
      0,
    )
    const lines = run
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines.map((line) => line.event)).toEqual(['result', 'summary'])
    expect(lines[0]).toMatchObject({ passed: true, status: 201 })
    expect(lines[1]).toMatchObject({ state: 'finished', passed: 1, failed: 0, total: 1 })
  })

  it("fails a capture by the set's own assertions.json", async () => {
    const { set, env } = await setup([trackBody('u-1001')])
    writeFileSync(
      path.join(set, 'assertions.json'),
      JSON.stringify({ response: { message: 'queued' } }),
    )
    const run = fakeCliIo(env)
    expect(await runCli(['replay', set, '--to', 'sandbox', '--standalone'], run.io)).toBe(1)
    expect(run.stdout()).toMatch(/FAIL/)
    expect(run.stdout()).toMatch(/message/)
  })

  it('fails a set file that is not a capture without sending it, and goes on', async () => {
    const { set, env, junit } = await setup([trackBody('u-1001')])
    writeFileSync(path.join(set, 'broken.json'), '{"not": "a capture"}')
    const run = fakeCliIo(env)
    const args = ['replay', set, '--to', 'sandbox', '--junit', junit, '--standalone']
    expect(await runCli(args, run.io)).toBe(1)
    expect(readFileSync(junit, 'utf8')).toMatch(/tests="2" failures="1"/)
    expect(run.stdout()).toMatch(/FAIL {2}broken\.json/)
  })

  it("re-signs with Zendesk's test secret for any URL, with --resign test", async () => {
    const { set, env } = await setup([trackBody('u-1001')])
    const server = await startScriptedServer(() => ({ status: 202, body: { message: 'success' } }))
    try {
      const run = fakeCliIo(env)
      const args = [
        'replay',
        set,
        '--to',
        `${server.url}/in`,
        '--auth',
        'none',
        '--resign',
        'test',
        '--standalone',
      ]
      expect(await runCli(args, run.io), run.stderr()).toBe(0)
      const seen = server.seen[0]
      const verdict = verifyZendeskWebhook({
        secret: ZENDESK_TEST_SIGNING_SECRET,
        body: seen?.body ?? '',
        timestamp: seen?.headers['x-zendesk-webhook-signature-timestamp'] as string,
        signature: seen?.headers['x-zendesk-webhook-signature'] as string,
      })
      expect(verdict.ok).toBe(true)
      expect(seen?.headers.authorization).toBeUndefined()
    } finally {
      await server.close()
    }
  })

  it('exits 2 for a target that is neither a known one nor a URL', async () => {
    const { set, env } = await setup([trackBody()])
    const run = fakeCliIo(env)
    expect(await runCli(['replay', set, '--to', 'ftp://x', '--standalone'], run.io)).toBe(2)
    expect(run.stderr()).toMatch(/not a target: give braze, sandbox, receiver/)
  })
})
