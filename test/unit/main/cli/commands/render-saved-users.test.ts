import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../../../main/cli/program'
import { createTestEngine } from '../../../../helpers/engine'
import { fakeCliIo } from '../../../../helpers/cli'
import { useTempDir } from '../../../../helpers/temp-dir'

const tempDir = useTempDir('bridgebench-render-saved-')

async function render(home: string, ...args: string[]) {
  const run = fakeCliIo({ BRIDGEBENCH_HOME: home })
  const code = await runCli(['render', ...args], run.io)
  return { code, stdout: run.stdout(), stderr: run.stderr() }
}

function template(text: string): string {
  const file = path.join(tempDir(), 't.liquid')
  writeFileSync(file, text)
  return file
}

describe('bridgebench render --user with users saved on the Compose screen', () => {
  it('renders for a saved user by its library id or its external_id', async () => {
    const home = tempDir()
    const engine = await createTestEngine(home)
    const saved = engine.users.saveCustom({ external_id: 'vip-1', first_name: 'Vera' })
    await engine.close()
    const file = template('Hi {{${first_name}}}')
    for (const id of [saved.id, 'vip-1']) {
      const result = await render(home, file, '--user', id, '--target', 'liquid')
      expect({ ...result, stdout: result.stdout.split('\n')[0] }).toEqual({
        code: 0,
        stdout: 'Hi Vera',
        stderr: '',
      })
    }
  })

  it('still prefers a built-in user with the same id', async () => {
    const home = tempDir()
    const engine = await createTestEngine(home)
    engine.users.saveCustom({ external_id: 'u-1001', first_name: 'Impostor' })
    await engine.close()
    const result = await render(home, template('{{${first_name}}}'), '--user', 'u-1001')
    expect(result.stdout.split('\n')[0]).toBe('Ada')
  })

  it('exits 2 for an unknown id, naming the users there are', async () => {
    const home = tempDir()
    const engine = await createTestEngine(home)
    engine.users.saveCustom({ external_id: 'vip-1', first_name: 'Vera' })
    await engine.close()
    const result = await render(home, template('x'), '--user', 'nobody')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /No file and no sample user "nobody". Known users \(built-in and saved\): u-1001, .*vip-1/,
    )
  })
})
