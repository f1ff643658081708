import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ComposeRenderOutput } from '../../../../../shared/contract/compose'
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

type JsonLine = Pick<ComposeRenderOutput, 'output' | 'aborted' | 'problems' | 'lintedAs'> & {
  user?: string
}
const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JsonLine)

describe('bridgebench render', () => {
  it('lints for a Zendesk ticket by default, as the Compose screen does', async () => {
    const result = await render(file('seed.liquid', seedTemplate()), '--user', 'u-1001')
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/\d+ problems:/)
    expect(result.stdout).toMatch(/zendesk-status: "status" is "New"/)
    expect(result.stdout).not.toMatch(/No problems found/)
  })

  it('says that a clean ticket body is what Zendesk would accept', async () => {
    const body = '{"ticket": {"comment": {"body": "Hi {{${first_name}}}"}, "subject": "Hello"}}'
    const result = await render(file('ok.liquid', body), '--user', 'u-1001')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/No problems found: Braze would send this body and Zendesk/)
  })

  it('prints the output for a built-in user and, Liquid only, claims nothing about Zendesk', async () => {
    const result = await render(
      file('hi.liquid', 'Hi {{${first_name}}}'),
      '--user',
      'u-1001',
      '--target',
      'liquid',
    )
    expect(result).toEqual({
      code: 0,
      stdout:
        'Hi Ada\nNo Liquid errors. The body itself was not checked, neither as JSON nor for Zendesk: run with --target zendesk-ticket.\n',
      stderr: '',
    })
  })

  it('never calls a body that is not JSON clean when a header sends it as JSON', async () => {
    const result = await render(
      file('seed.liquid', seedTemplate()),
      '--user',
      'u-1001',
      '--target',
      'liquid',
      '--header',
      'Content-Type: application/json',
      '--json',
    )
    expect(result.code).toBe(1)
    const [json] = lines(result.stdout)
    expect(json?.lintedAs).toBe('json')
    expect(json?.problems.map((p) => p.code).sort()).toEqual([
      'invalid-json',
      'placeholder',
      'placeholder',
      'unescaped-value',
    ])
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
    expect(Object.keys(json ?? {})).toEqual(['output', 'aborted', 'problems', 'lintedAs'])
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
      '--target',
      'liquid',
      '--json',
    )
    expect(lines(result.stdout)).toEqual([
      { user: 'a', output: 'A', aborted: null, problems: [], lintedAs: 'liquid' },
      { user: 'b1', output: '?', aborted: null, problems: [], lintedAs: 'liquid' },
    ])
    expect(result.code).toBe(0)
  })

  it('reads users from CSV', async () => {
    const users = file('users.csv', 'user_id,first_name\nc-1,Cleo\n')
    const result = await render(
      file('t.liquid', '{{${first_name}}}'),
      '--users',
      users,
      '--target',
      'liquid',
      '--json',
    )
    expect(lines(result.stdout)).toEqual([
      { user: 'c-1', output: 'Cleo', aborted: null, problems: [], lintedAs: 'liquid' },
    ])
  })

  it('reads one user from a file given to --user', async () => {
    const user = file('ada.json', '{"external_id":"x","first_name":"Xia"}')
    const result = await render(file('t.liquid', '{{${first_name}}}'), '--user', user)
    expect(result.stdout).toMatch(/^Xia\n/)
  })

  it('reports an abort instead of the text and exits 1, unless --allow-abort', async () => {
    const template = file('abort.liquid', "secret {% abort_message('not for you') %}")
    const aborted = await render(template, '--user', 'u-1001')
    expect(aborted.code).toBe(1)
    expect(aborted.stdout).toContain('Message aborted (Braze would not send it): not for you')
    expect(aborted.stdout).not.toContain('secret')
    const allowed = await render(
      template,
      '--user',
      'u-1001',
      '--allow-abort',
      '--target',
      'liquid',
    )
    expect(allowed.code).toBe(0)
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
      /Unknown target "jira". Known targets: zendesk-ticket, json, liquid/,
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
