import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../main/cli/program'
import { fakeCliIo, type CliRun } from '../../helpers/cli'
import { TEST_PASSPHRASE } from '../../helpers/engine'
import { useTempDir } from '../../helpers/temp-dir'
import { browserApiClient, fakeRendererDir } from '../../helpers/web-door'

const TEMPLATE = `{"ticket": {"subject": "From the CLI", "comment": {"body": "Hello {{\${first_name}}}"}, "requester": {"name": "{{\${first_name}}}", "email": "{{\${email_address}}}"}}}`

/**
 * One engine per data folder: with `serve` running, commands attach to it, so what they do
 * shows in the open app (its Sandbox, its history) and outlives the command.
 */
describe('CLI commands attach to the running instance', () => {
  const tempDir = useTempDir('bridgebench-attach-')
  const running: Array<{ run: CliRun; exit: Promise<number> }> = []
  afterEach(async () => {
    for (const { run, exit } of running.splice(0)) {
      run.stop()
      await exit
    }
  })

  async function serve(home: string) {
    const run = fakeCliIo({
      BRIDGEBENCH_HOME: home,
      BRIDGEBENCH_RENDERER_DIR: fakeRendererDir(tempDir()),
      BRIDGEBENCH_PASSPHRASE: TEST_PASSPHRASE,
    })
    const exit = runCli(['serve', '--json'], run.io)
    running.push({ run, exit })
    const { url } = JSON.parse(await run.firstLine()) as { url: string }
    const origin = new URL(url).origin
    const token = new URL(url).searchParams.get('token') ?? ''
    return { origin, token, api: browserApiClient({ origin, token } as never) }
  }

  it('sends a ticket into the Sandbox the open app shows, with a link that answers after the CLI exits', async () => {
    const home = tempDir()
    const app = await serve(home)
    const file = path.join(tempDir(), 'ticket.liquid')
    writeFileSync(file, TEMPLATE)
    const cli = fakeCliIo({ BRIDGEBENCH_HOME: home })
    const code = await runCli(
      ['ticket', 'send', '--template', file, '--user', 'u-1001', '--profile', 'Sandbox', '--json'],
      cli.io,
    )
    expect(cli.stderr()).toBe('')
    expect(code).toBe(0)
    const sent = JSON.parse(cli.stdout()) as { ticketId: number; url: string }
    const snapshot = await app.api.simulators.snapshot()
    expect(snapshot.zendesk.tickets.map((t) => t.id)).toContain(sent.ticketId)
    expect((await app.api.tickets.history({})).map((t) => t.ticketId)).toContain(sent.ticketId)
    const page = await fetch(sent.url)
    expect(page.status).toBe(200)
  })

  it('tests the Sandbox profile the same way the UI does', async () => {
    const home = tempDir()
    await serve(home)
    const cli = fakeCliIo({ BRIDGEBENCH_HOME: home })
    expect(await runCli(['profile', 'test', 'Sandbox', '--json'], cli.io)).toBe(0)
    expect(JSON.parse(cli.stdout())).toMatchObject({ ok: true })
  })

  it('tests the Sandbox profile in a private engine too', async () => {
    const cli = fakeCliIo({ BRIDGEBENCH_HOME: tempDir() })
    const code = await runCli(['profile', 'test', 'Sandbox', '--json'], cli.io)
    expect(cli.stderr()).toBe('')
    expect(code).toBe(0)
  })

  it('refuses a second serve on the same data folder, naming the one that holds it', async () => {
    const home = tempDir()
    await serve(home)
    const second = fakeCliIo({
      BRIDGEBENCH_HOME: home,
      BRIDGEBENCH_RENDERER_DIR: fakeRendererDir(tempDir()),
    })
    expect(await runCli(['serve', '--json'], second.io)).toBe(1)
    expect(second.stderr()).toMatch(
      /is in use by Bridgebench .* \(browser mode, pid \d+, http:\/\/127\.0\.0\.1:\d+\)/,
    )
  })

  it('refuses --standalone on a folder a running app holds', async () => {
    const home = tempDir()
    await serve(home)
    const cli = fakeCliIo({ BRIDGEBENCH_HOME: home })
    expect(await runCli(['profile', 'list', '--standalone'], cli.io)).toBe(1)
    expect(cli.stderr()).toMatch(/is in use by/)
  })
})
