import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../main/cli/program'
import { fakeCliIo } from '../../helpers/cli'
import { TEST_PASSPHRASE } from '../../helpers/engine'
import { startRawTcpServer, type RawTcpServer } from '../../helpers/raw-tcp-server'
import { useTempDir } from '../../helpers/temp-dir'

const VALID = `{"ticket": {"subject": "CLI ticket", "comment": {"body": "Hello {{\${first_name}}}"}, "requester": {"name": "{{\${first_name}}}", "email": "{{\${email_address}}}"}}}`

describe('bridgebench ticket send', () => {
  const tempDir = useTempDir()
  let silent: RawTcpServer | undefined
  afterEach(() => silent?.close())

  function setup(body: string) {
    const home = tempDir()
    const file = path.join(home, 'ticket.liquid')
    writeFileSync(file, body)
    return { env: { BRIDGEBENCH_HOME: home, BRIDGEBENCH_PASSPHRASE: TEST_PASSPHRASE }, file }
  }

  it('creates the ticket on the Sandbox and prints {ticketId, url, status, problems}', async () => {
    const { env, file } = setup(VALID)
    const run = fakeCliIo(env)
    expect(
      await runCli(['ticket', 'send', '--template', file, '--user', 'u-1001', '--json'], run.io),
    ).toBe(0)
    const printed = JSON.parse(run.stdout()) as {
      ticketId: number
      url: string
      status: string
      problems: unknown[]
    }
    expect(printed.ticketId).toBeGreaterThan(0)
    expect(printed.url).toMatch(new RegExp(`/agent/tickets/${printed.ticketId}$`))
    expect(printed.status).toBe('new')
    expect(printed.problems).toEqual([])
  })

  it('exits 1 when Zendesk refuses the ticket, listing why', async () => {
    const { env, file } = setup(
      '{"ticket": {"subject": "No comment", "requester": {"name": "A", "email": "a@example.com"}}}',
    )
    const run = fakeCliIo(env)
    expect(await runCli(['ticket', 'send', '--template', file, '--user', 'u-1001'], run.io)).toBe(1)
    expect(run.stdout()).toMatch(/Description: cannot be blank/)
  })

  it('exits 2 without a preset or a template and user', async () => {
    const { env } = setup(VALID)
    const run = fakeCliIo(env)
    expect(await runCli(['ticket', 'send', '--user', 'u-1001'], run.io)).toBe(2)
    expect(run.stderr()).toMatch(/--preset NAME, or --template FILE and --user ID/)
  })

  it('exits 2 for an unknown preset, naming the known ones', async () => {
    const { env } = setup(VALID)
    const run = fakeCliIo(env)
    expect(await runCli(['ticket', 'send', '--preset', 'nope'], run.io)).toBe(2)
    expect(run.stderr()).toMatch(/No preset "nope"/)
  })

  it('exits 2 for a sample user that does not exist, naming it', async () => {
    const { env, file } = setup(VALID)
    const run = fakeCliIo(env)
    expect(await runCli(['ticket', 'send', '--template', file, '--user', 'nobody'], run.io)).toBe(2)
    expect(run.stderr()).toMatch(/No sample user "nobody"/)
  })

  it('says nothing answered, not that Zendesk asked to wait, when an attempt times out', async () => {
    const { env, file } = setup(VALID)
    // A Zendesk that takes the request and never says a word.
    silent = await startRawTcpServer(() => undefined)
    const added = fakeCliIo({ ...env, BRIDGEBENCH_ZENDESK_TOKEN: 'zd-token-silent' })
    const profile = [
      ...['profile', 'add', '--name', 'Silent', '--zendesk', silent.url],
      ...['--zendesk-email', 'ada@acme.example'],
    ]
    expect(await runCli(profile, added.io)).toBe(0)
    const run = fakeCliIo(env)
    const send = ['ticket', 'send', '--template', file, '--user', 'u-1001', '--profile', 'Silent']
    expect(await runCli([...send, '--timeout', '1'], run.io)).toBe(1)
    expect(run.stderr()).toContain('No answer; retrying in 1 s (attempt 2 next)…')
    expect(run.stderr()).not.toMatch(/asked to wait/)
    expect(silent.received.length).toBeGreaterThanOrEqual(2)
  }, 30_000)
})
