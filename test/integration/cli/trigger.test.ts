import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ApiClient, SetupPlan, SetupResult } from '../../../shared/contract'
import { runCli } from '../../../main/cli/program'
import { fakeCliIo, type CliRun } from '../../helpers/cli'
import { TEST_PASSPHRASE } from '../../helpers/engine'
import { useTempDir } from '../../helpers/temp-dir'
import { browserApiClient, fakeRendererDir } from '../../helpers/web-door'

/** Line 5 quotes {{ticket.title}}: with values inserted raw, a quote in a subject breaks it. */
const BODY = [
  '{',
  '  "events": [{',
  '    "external_id": "{{ticket.requester.external_id}}",',
  '    "name": "bridgebench_cli_solved", "time": "{{ticket.updated_at_with_timestamp}}",',
  '    "properties": { "subject": "{{ticket.title}}", "ticket_id": "{{ticket.id}}" }',
  '  }]',
  '}',
].join('\n')

/**
 * The check, end to end on the Sandbox through the CLI attached to a running app: lint
 * flags the quoted title for the ticket with a quote, setup plans then applies, solving a ticket
 * delivers the composed body to the simulated Braze, and a second setup changes nothing.
 */
describe('bridgebench trigger on the Sandbox', () => {
  const tempDir = useTempDir('bridgebench-trigger-cli-', 'file')
  let home: string
  let file: string
  let app: { run: CliRun; exit: Promise<number>; api: ApiClient }

  beforeAll(async () => {
    home = tempDir()
    file = path.join(tempDir(), 'body.liquid')
    writeFileSync(file, BODY)
    const run = fakeCliIo({
      BRIDGEBENCH_HOME: home,
      BRIDGEBENCH_RENDERER_DIR: fakeRendererDir(tempDir()),
      BRIDGEBENCH_PASSPHRASE: TEST_PASSPHRASE,
    })
    const exit = runCli(['serve', '--json'], run.io)
    const { url } = JSON.parse(await run.firstLine()) as { url: string }
    const api = browserApiClient({
      origin: new URL(url).origin,
      token: new URL(url).searchParams.get('token') ?? '',
    } as never)
    await api.simulators.updateSettings({ zendesk: { delivery: { queueDelayMs: 0 } } })
    app = { run, exit, api }
  })
  afterAll(async () => {
    app.run.stop()
    await app.exit
  })

  const cli = async (...args: string[]) => {
    const run = fakeCliIo({ BRIDGEBENCH_HOME: home })
    const code = await runCli(['trigger', ...args], run.io)
    return { code, stdout: run.stdout(), stderr: run.stderr() }
  }

  it('lint flags {{ticket.title}} unescaped for the ticket whose title has a quote, at its line', async () => {
    const { code, stdout } = await cli('lint', file, '--profile', 'Sandbox', '--escaping', 'raw')
    expect(code).toBe(1)
    expect(stdout).toMatch(/BREAKS\s+#\d+ Sandbox: José "Pepe" Núñez cannot log in/)
    expect(stdout).toMatch(/error \(line 5:\d+\): \{\{ticket\.title\}\} prints/)
    expect(stdout).toMatch(/ok\s+#\d+ Sandbox: Ada Lovelace cannot log in/)
  })

  it('setup --dry-run prints the plan and changes nothing; setup applies it; a second changes nothing', async () => {
    const dry = await cli('setup', '--profile', 'Sandbox', '--template', file, '--dry-run')
    expect(dry.code).toBe(0)
    expect(dry.stdout).toMatch(/create\s+webhook "Bridgebench → Braze \/users\/track"/)
    expect(dry.stdout).toMatch(/create\s+trigger "Bridgebench: ticket solved → Braze"/)
    const before = await app.api.simulators.snapshot()
    expect(before.zendesk.webhooks).toHaveLength(1)

    const applied = await cli('setup', '--profile', 'Sandbox', '--template', file, '--json')
    expect(applied.code).toBe(0)
    const result = JSON.parse(applied.stdout) as SetupResult
    expect(result.steps.map((s) => [s.kind, s.action, s.ok])).toEqual([
      ['webhook', 'create', true],
      ['trigger', 'create', true],
    ])

    const [ticket] = (await app.api.simulators.snapshot()).zendesk.tickets.filter(
      (t) => t.requesterExternalId === 'u-1002',
    )
    await app.api.simulators.solveTicket({ ticketId: ticket!.id })
    await vi.waitFor(async () => {
      const braze = (await app.api.simulators.snapshot()).braze
      const pepe = braze.profiles.find((p) => p.externalId === 'u-1002')!
      expect(pepe.timeline).toContainEqual(
        expect.objectContaining({
          kind: 'event',
          name: 'bridgebench_cli_solved',
          properties: {
            subject: 'Sandbox: José "Pepe" Núñez cannot log in',
            ticket_id: String(ticket!.id),
          },
        }),
      )
    })

    const again = await cli(
      'setup',
      '--profile',
      'Sandbox',
      '--template',
      file,
      '--dry-run',
      '--json',
    )
    expect((JSON.parse(again.stdout) as SetupPlan).upToDate).toBe(true)
    const second = await cli('setup', '--profile', 'Sandbox', '--template', file, '--json')
    expect(second.code).toBe(0)
    expect((JSON.parse(second.stdout) as SetupResult).steps.every((s) => s.action === 'none')).toBe(
      true,
    )
    const after = await app.api.simulators.snapshot()
    expect(after.zendesk.webhooks).toHaveLength(2)
    expect(after.zendesk.triggers).toHaveLength(2)
  })

  it('render prints the body for a built-in sample and exits 1 when it breaks', async () => {
    const ok = await cli('render', file, '--ticket', 'plain', '--escaping', 'raw', '--json')
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ ticket: 'builtin:plain', validJson: true })
    const broken = await cli('render', file, '--ticket', 'quote-title', '--escaping', 'raw')
    expect(broken.code).toBe(1)
  })
})
