import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../main/cli/program'
import { fakeCliIo } from '../../helpers/cli'
import { TEST_PASSPHRASE } from '../../helpers/engine'
import { startHealthyServices } from '../../helpers/healthy-services'
import { startScriptedServer, type ScriptedServer } from '../../helpers/scripted-server'
import { useTempDir } from '../../helpers/temp-dir'

const ZENDESK_TOKEN = 'zd-token-SECRET-9f8e7d6c5b4a'
const BRAZE_KEY = 'braze-key-SECRET-0a1b2c3d4e5f'

describe('bridgebench profile', () => {
  const tempDir = useTempDir()
  let fake: ScriptedServer | undefined
  afterEach(() => fake?.close())

  /** One loopback server playing both Zendesk and Braze. */
  async function healthyServices() {
    fake = await startHealthyServices('Ada')
    return fake.url
  }

  function env(home: string, extra: NodeJS.ProcessEnv = {}) {
    return { BRIDGEBENCH_HOME: home, BRIDGEBENCH_PASSPHRASE: TEST_PASSPHRASE, ...extra }
  }

  async function add(
    home: string,
    url: string,
    extraEnv: NodeJS.ProcessEnv,
    extraArgs: string[] = [],
    stdin = '',
  ) {
    const run = fakeCliIo(env(home, extraEnv), stdin)
    const code = await runCli(
      [
        'profile',
        'add',
        '--name',
        'Acme',
        '--zendesk',
        url,
        '--zendesk-email',
        'ada@acme.example',
        '--braze-endpoint',
        url,
        '--json',
        ...extraArgs,
      ],
      run.io,
    )
    return { code, run }
  }

  it('adds a profile with secrets from environment variables, and prints only set/hint', async () => {
    const home = tempDir()
    const { code, run } = await add(home, 'http://127.0.0.1:9', {
      BRIDGEBENCH_ZENDESK_TOKEN: ZENDESK_TOKEN,
      BRIDGEBENCH_BRAZE_API_KEY: BRAZE_KEY,
    })
    expect(code).toBe(0)
    const created = JSON.parse(run.stdout()) as { secrets: Record<string, unknown> }
    expect(created.secrets.zendeskApiToken).toEqual({ set: true, hint: '5b4a' })
    expect(created.secrets.brazeApiKey).toEqual({ set: true, hint: '4e5f' })
    expect(run.stdout()).not.toContain('SECRET')
    for (const file of ['settings.json', 'secrets.json']) {
      expect(readFileSync(path.join(home, file), 'utf8')).not.toContain('SECRET')
    }
  })

  it('reads secrets from a JSON object on stdin', async () => {
    const home = tempDir()
    const stdin = JSON.stringify({
      zendeskToken: ZENDESK_TOKEN,
      brazeApiKey: BRAZE_KEY,
      signingSecret: 'signing-SECRET-1',
    })
    const { code, run } = await add(home, 'http://127.0.0.1:9', {}, ['--secrets-stdin'], stdin)
    expect(code).toBe(0)
    expect(JSON.parse(run.stdout())).toMatchObject({
      secrets: {
        zendeskApiToken: { set: true },
        brazeApiKey: { set: true },
        zendeskSigningSecret: { set: true },
      },
    })
  })

  it('has no option that takes a secret on the command line', async () => {
    const run = fakeCliIo(env(tempDir()))
    const code = await runCli(
      ['profile', 'add', '--name', 'A', '--zendesk', 'acme', '--zendesk-token', ZENDESK_TOKEN],
      run.io,
    )
    expect(code).toBe(2)
    expect(run.stderr()).toMatch(/unknown option '--zendesk-token'/)
  })

  it('refuses a bad subdomain with exit 1 and a message that says how to fix it', async () => {
    const run = fakeCliIo(env(tempDir()))
    const code = await runCli(
      ['profile', 'add', '--name', 'A', '--zendesk', 'acme_corp', '--zendesk-email', 'a@b.c'],
      run.io,
    )
    expect(code).toBe(1)
    expect(run.stderr()).toMatch(/Enter your subdomain \(acme\)/)
  })

  it('tests a healthy profile (exit 0) and a failing one (exit 1)', async () => {
    const home = tempDir()
    const url = await healthyServices()
    await add(home, url, {
      BRIDGEBENCH_ZENDESK_TOKEN: ZENDESK_TOKEN,
      BRIDGEBENCH_BRAZE_API_KEY: BRAZE_KEY,
    })
    const ok = fakeCliIo(env(home))
    expect(await runCli(['profile', 'test', 'Acme', '--json'], ok.io)).toBe(0)
    const report = JSON.parse(ok.stdout()) as {
      ok: boolean
      checks: Array<{ outcome: string; reason?: string }>
    }
    expect(report.ok).toBe(true)
    expect(report.checks.map((c) => c.outcome)).toEqual(['pass', 'warn', 'pass', 'pass'])
    expect(report.checks[1]?.reason).toBe('api-token-retirement')
    // Zendesk and Braze are checked at once: find the Zendesk call rather than the first one.
    const signIn = fake?.seen.find((request) => request.path.startsWith('/api/v2/users/me'))
    expect(signIn?.headers.authorization).toBe(
      `Basic ${Buffer.from(`ada@acme.example/token:${ZENDESK_TOKEN}`).toString('base64')}`,
    )

    await fake?.close()
    fake = await startScriptedServer(() => ({
      status: 401,
      body: { error: "Couldn't authenticate you" },
    }))
    const home2 = tempDir()
    await add(home2, fake.url, {
      BRIDGEBENCH_ZENDESK_TOKEN: ZENDESK_TOKEN,
      BRIDGEBENCH_BRAZE_API_KEY: BRAZE_KEY,
    })
    const failing = fakeCliIo(env(home2))
    expect(await runCli(['profile', 'test', 'acme'], failing.io)).toBe(1)
    expect(failing.stdout()).toMatch(/FAIL {2}zendesk/)
  })

  it('lists, switches and removes profiles', async () => {
    const home = tempDir()
    await add(home, 'http://127.0.0.1:9', { BRIDGEBENCH_BRAZE_API_KEY: BRAZE_KEY })
    const use = fakeCliIo(env(home))
    expect(await runCli(['profile', 'use', 'Acme'], use.io)).toBe(0)
    const list = fakeCliIo(env(home))
    await runCli(['profile', 'list', '--json'], list.io)
    const listed = JSON.parse(list.stdout()) as {
      profiles: Array<{ id: string; name: string }>
      activeProfileId: string
    }
    expect(listed.profiles.map((p) => p.name)).toEqual(['Sandbox', 'Acme'])
    expect(listed.activeProfileId).toBe(listed.profiles[1]?.id)
    const remove = fakeCliIo(env(home))
    expect(await runCli(['profile', 'remove', 'Acme', '--json'], remove.io)).toBe(0)
    const missing = fakeCliIo(env(home))
    expect(await runCli(['profile', 'remove', 'Acme'], missing.io)).toBe(2)
    expect(missing.stderr()).toMatch(/No profile "Acme"/)
  })
})
