import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RenderResult } from '../../../../../shared/contract/compose'
import { runCli } from '../../../../../main/cli/program'
import { fakeCliIo } from '../../../../helpers/cli'
import { seedTemplate } from '../../../../helpers/liquid-fixtures'
import { useTempDir } from '../../../../helpers/temp-dir'

const tempDir = useTempDir('bridgebench-render-')

function file(name: string, text: string): string {
  const target = path.join(tempDir(), name)
  writeFileSync(target, text)
  return target
}

async function render(...args: string[]) {
  const run = fakeCliIo({})
  const code = await runCli(['render', ...args], run.io)
  return { code, stdout: run.stdout(), stderr: run.stderr() }
}

type JsonLine = Pick<RenderResult, 'output' | 'aborted' | 'problems'> & { user?: string }
const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JsonLine)

describe('bridgebench render', () => {
  it('prints the output for a built-in user and exits 0 when there is nothing wrong', async () => {
    const result = await render(file('hi.liquid', 'Hi {{${first_name}}}'), '--user', 'u-1001')
    expect(result).toEqual({ code: 0, stdout: 'Hi Ada\nNo problems found.\n', stderr: '' })
  })

  it('prints {output, aborted, problems} with --json and exits 1 on errors', async () => {
    const result = await render(
      file('seed.liquid', seedTemplate()),
      '--user',
      'u-1002',
      '--target',
      'zendesk-ticket',
      '--json',
    )
    expect(result.code).toBe(1)
    const [json] = lines(result.stdout)
    expect(Object.keys(json ?? {})).toEqual(['output', 'aborted', 'problems'])
    expect(json?.problems.map((p) => p.code)).toContain('zendesk-status')
    expect(json?.problems[0]).toEqual({
      severity: 'error',
      code: 'placeholder',
      message: 'The placeholder << Choose one >> is still in the template and would be sent as is.',
      line: 1,
      column: 61,
      fix: 'Replace << Choose one >> with real content, or delete it.',
    })
  })

  it('prints one JSON line per user with --users, naming the user', async () => {
    const users = file(
      'users.json',
      JSON.stringify({ users: [{ external_id: 'a', first_name: 'A' }, { braze_id: 'b1' }] }),
    )
    const result = await render(
      file('t.liquid', '{{${first_name} | default: "?"}}'),
      '--users',
      users,
      '--json',
    )
    expect(lines(result.stdout)).toEqual([
      { user: 'a', output: 'A', aborted: null, problems: [] },
      { user: 'b1', output: '?', aborted: null, problems: [] },
    ])
    expect(result.code).toBe(0)
  })

  it('reads users from CSV', async () => {
    const users = file('users.csv', 'user_id,first_name\nc-1,Cleo\n')
    const result = await render(file('t.liquid', '{{${first_name}}}'), '--users', users, '--json')
    expect(lines(result.stdout)).toEqual([
      { user: 'c-1', output: 'Cleo', aborted: null, problems: [] },
    ])
  })

  it('reads one user from a file given to --user', async () => {
    const user = file('ada.json', '{"external_id":"x","first_name":"Xia"}')
    expect((await render(file('t.liquid', '{{${first_name}}}'), '--user', user)).stdout).toBe(
      'Xia\nNo problems found.\n',
    )
  })

  it('reports an abort instead of the text and exits 1, unless --allow-abort', async () => {
    const template = file('abort.liquid', "secret {% abort_message('not for you') %}")
    const aborted = await render(template, '--user', 'u-1001')
    expect(aborted.code).toBe(1)
    expect(aborted.stdout).toContain('Message aborted (Braze would not send it): not for you')
    expect(aborted.stdout).not.toContain('secret')
    expect((await render(template, '--user', 'u-1001', '--allow-abort')).code).toBe(0)
  })

  it('passes header templates and lints them for the target', async () => {
    const result = await render(
      file('t.liquid', '{"ticket": {"comment": {"body": "Hi"}}}'),
      '--user',
      'u-1001',
      '--target',
      'zendesk-ticket',
      '--header',
      "Authorization: Basic {{ 'a@b.co/token:x' | base64_encode }}",
      '--header',
      'Content-Type: application/json',
      '--now',
      '2026-11-20T00:00:00Z',
      '--json',
    )
    expect(lines(result.stdout)[0]?.problems.map((p) => [p.code, p.source])).toEqual([
      ['zendesk-api-token', 'header:Authorization'],
    ])
    expect(result.code).toBe(0)
  })

  it.each([
    [['missing.liquid', '--user', 'u-1001'], /Template file not found: missing\.liquid/],
    [
      ['TEMPLATE', '--user', 'nobody'],
      /No file and no sample user "nobody". Known users \(built-in and saved\): u-1001, u-1002/,
    ],
    [
      ['TEMPLATE', '--user', 'u-1001', '--target', 'jira'],
      /Unknown target "jira". Known targets: zendesk-ticket/,
    ],
    [['TEMPLATE'], /Say whom to render for/],
    [['TEMPLATE', '--user', 'u-1001', '--now', 'soon'], /--now "soon" is not a time/],
    [['TEMPLATE', '--user', 'u-1001', '--header', 'NoColon'], /"NoColon" is not a header/],
  ])('exits 2 on bad usage: %j', async (args, message) => {
    const template = file('t.liquid', 'x')
    const result = await render(...args.map((a) => (a === 'TEMPLATE' ? template : a)))
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
  })

  it('exits 2 on a users file it cannot read, saying where', async () => {
    const result = await render(
      file('t.liquid', 'x'),
      '--users',
      file('bad.json', '[{"external_id": 1}]'),
    )
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/bad\.json:1:18 users\[0\]\.external_id: /)
  })
})
