import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../main/cli/program'
import { fakeCliIo } from '../../helpers/cli'
import { TEST_PASSPHRASE } from '../../helpers/engine'
import { useTempDir } from '../../helpers/temp-dir'

const TEMPLATE = [
  '{',
  '  "events": [{',
  '    "external_id": "{{ticket.requester.external_id}}",',
  '    "name": "solved",',
  '    "time": "{{ticket.updated_at}}"',
  '  }]',
  '}',
].join('\n')

describe('bridgebench forward', () => {
  const tempDir = useTempDir()

  function setup(files: Record<string, string>) {
    const home = tempDir()
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(home, name), text)
    const env = { BRIDGEBENCH_HOME: home, BRIDGEBENCH_PASSPHRASE: TEST_PASSPHRASE }
    return { env, file: (name: string) => path.join(home, name) }
  }

  it('lint exits 1 on a body Braze would skip, naming the body and template lines', async () => {
    const body =
      '{"events": [{"external_id": "u-1", "name": "solved", "time": "January 31, 2026"}]}'
    const { env, file } = setup({ 'body.json': body, 'trigger.json': TEMPLATE })
    const run = fakeCliIo(env)
    const args = ['forward', 'lint', file('body.json'), '--template', file('trigger.json')]
    expect(await runCli([...args, '--standalone'], run.io)).toBe(1)
    expect(run.stdout()).toMatch(
      /error time-invalid events\[0\]\.time line 1:\d+ \(template line 5\)/,
    )
  })

  it('lint exits 0 on warnings unless --strict, and prints JSON with --json', async () => {
    const body = '{"attributes": [{"external_id": "u-1", "status": "Solved"}]}'
    const { env, file } = setup({ 'body.json': body })
    const run = fakeCliIo(env)
    const args = ['forward', 'lint', file('body.json'), '--json', '--standalone']
    expect(await runCli(args, run.io)).toBe(0)
    const printed = JSON.parse(run.stdout()) as {
      problems: Array<{ code: string; pointer: string }>
    }
    expect(printed.problems).toEqual([
      expect.objectContaining({ code: 'zendesk-display-value', pointer: '/attributes/0/status' }),
    ])
    expect(await runCli([...args, '--strict'], fakeCliIo(env).io)).toBe(1)
  })

  it('lint applies the object limit given: 50 per request', async () => {
    const attributes = Array.from({ length: 60 }, (_, i) => ({ external_id: `u-${i}` }))
    const { env, file } = setup({ 'body.json': JSON.stringify({ attributes }) })
    const run = fakeCliIo(env)
    const args = ['forward', 'lint', file('body.json'), '--max', '50', '--standalone']
    expect(await runCli(args, run.io)).toBe(1)
    expect(run.stdout()).toMatch(/too-many-objects.*at most 50 per request/)
  })

  it('send exits 1 for a capture that does not exist, saying so', async () => {
    const { env } = setup({})
    const run = fakeCliIo(env)
    expect(
      await runCli(['forward', 'send', '01JDQ8W9T6V3N2M1K0H9G8F7E6', '--standalone'], run.io),
    ).not.toBe(0)
    expect(run.stderr()).toMatch(/No capture 01JDQ8W9T6V3N2M1K0H9G8F7E6/)
  })
})
