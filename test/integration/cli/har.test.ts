import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../main/cli/program'
import { captureFileNames, writeCaptureSet } from '../../../main/core/captures/capture-sets'
import { testCapture, trackBody } from '../../helpers/captures'
import { fakeCliIo } from '../../helpers/cli'
import { TEST_PASSPHRASE } from '../../helpers/engine'
import { harSchemaErrors } from '../../helpers/har-validator'
import { useTempDir } from '../../helpers/temp-dir'

const SECRET = 'brz-live-0123456789abcdef0123456789abcdef'

describe('bridgebench har and diff', () => {
  const tempDir = useTempDir()

  async function setup() {
    const home = tempDir()
    const set = path.join(home, 'set')
    await writeCaptureSet(set, [
      testCapture({ body: trackBody('u-1001') }),
      testCapture({
        body: JSON.stringify({ api_key: SECRET, attributes: [{ external_id: 'u-1002' }] }),
        headers: [
          ['Content-Type', 'application/json'],
          ['Authorization', `Bearer ${SECRET}`],
        ],
      }),
    ])
    const env = {
      BRIDGEBENCH_HOME: path.join(home, 'data'),
      BRIDGEBENCH_PASSPHRASE: TEST_PASSPHRASE,
    }
    return { home, set, env }
  }

  it('exports a set as valid HAR 1.2 without a secret, and imports it back as a set', async () => {
    const { home, set, env } = await setup()
    const har = path.join(home, 'out.har')
    const exported = fakeCliIo(env)
    expect(await runCli(['har', 'export', set, '--out', har, '--standalone'], exported.io)).toBe(0)
    const text = readFileSync(har, 'utf8')
    expect(harSchemaErrors(JSON.parse(text))).toEqual([])
    expect(text).not.toContain(SECRET)
    const back = path.join(home, 'back')
    const imported = fakeCliIo(env)
    expect(
      await runCli(['har', 'import', har, '--out', back, '--json', '--standalone'], imported.io),
    ).toBe(0)
    expect(JSON.parse(imported.stdout())).toMatchObject({ imported: 2, count: 2, skipped: [] })
    expect(await captureFileNames(back)).toHaveLength(2)
  })

  it('exports NDJSON: one masked capture per line', async () => {
    const { home, set, env } = await setup()
    const out = path.join(home, 'out.ndjson')
    const run = fakeCliIo(env)
    const args = ['har', 'export', set, '--out', out, '--format', 'ndjson', '--standalone']
    expect(await runCli(args, run.io)).toBe(0)
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n')
    expect(lines.map((line) => (JSON.parse(line) as { route: string }).route)).toEqual([
      'braze',
      'braze',
    ])
    expect(lines.join('')).not.toContain(SECRET)
  })

  it('diffs two capture files: exit 1 and the changed path when they differ, 0 when not', async () => {
    const { set, env } = await setup()
    const [a, b] = (await captureFileNames(set)).map((name) => path.join(set, name))
    const differ = fakeCliIo(env)
    expect(await runCli(['diff', a ?? '', b ?? '', '--standalone'], differ.io)).toBe(1)
    expect(differ.stdout()).toMatch(/attributes\[0\]/)
    expect(differ.stdout()).not.toContain(SECRET)
    const same = fakeCliIo(env)
    expect(await runCli(['diff', a ?? '', a ?? '', '--json', '--standalone'], same.io)).toBe(0)
    expect(JSON.parse(same.stdout())).toMatchObject({ identical: true })
  })

  it('exits 2 when the HAR file is not one', async () => {
    const { home, env } = await setup()
    const bad = path.join(home, 'bad.har')
    writeFileSync(bad, '{"not": "har"}')
    const run = fakeCliIo(env)
    expect(
      await runCli(['har', 'import', bad, '--out', path.join(home, 'x'), '--standalone'], run.io),
    ).not.toBe(0)
    expect(run.stderr()).toMatch(/not a HAR file/)
  })
})
