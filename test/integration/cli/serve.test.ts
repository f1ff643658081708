import { describe, expect, it } from 'vitest'
import { runCli } from '../../../main/cli/program'
import { fakeCliIo } from '../../helpers/cli'
import { TEST_PASSPHRASE } from '../../helpers/engine'
import { useTempDir } from '../../helpers/temp-dir'
import { fakeRendererDir } from '../../helpers/web-door'

describe('bridgebench serve', () => {
  const tempDir = useTempDir()

  it('prints one JSON line with the URL as soon as it is ready, and serves the page', async () => {
    const home = tempDir()
    const run = fakeCliIo({
      BRIDGEBENCH_HOME: home,
      BRIDGEBENCH_RENDERER_DIR: fakeRendererDir(tempDir()),
      BRIDGEBENCH_PASSPHRASE: TEST_PASSPHRASE,
    })
    const exit = runCli(['serve', '--json', '--port', '0'], run.io)
    const line = JSON.parse(await run.firstLine()) as { url: string; dataFolder: string }
    expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/)
    expect(line.dataFolder).toBe(home)
    const page = await fetch(line.url)
    expect(page.status).toBe(200)
    run.stop()
    expect(await exit).toBe(0)
    await expect(fetch(line.url)).rejects.toThrow()
  })

  it('refuses a non-loopback address without --allow-remote and exits 1', async () => {
    const run = fakeCliIo({ BRIDGEBENCH_HOME: tempDir() })
    expect(await runCli(['serve', '--host', '0.0.0.0'], run.io)).toBe(1)
    expect(run.stderr()).toMatch(/--allow-remote/)
  })

  it('warns on stderr when remote binding is allowed', async () => {
    const run = fakeCliIo({
      BRIDGEBENCH_HOME: tempDir(),
      BRIDGEBENCH_RENDERER_DIR: fakeRendererDir(tempDir()),
    })
    const exit = runCli(['serve', '--host', '0.0.0.0', '--allow-remote', '--json'], run.io)
    await run.firstLine()
    expect(run.stderr()).toMatch(/Warning: .*other machines/)
    run.stop()
    expect(await exit).toBe(0)
  })

  it('fails clearly when BRIDGEBENCH_PASSPHRASE does not open the stored secrets', async () => {
    const home = tempDir()
    const env = { BRIDGEBENCH_HOME: home, BRIDGEBENCH_RENDERER_DIR: fakeRendererDir(tempDir()) }
    const first = fakeCliIo({ ...env, BRIDGEBENCH_PASSPHRASE: TEST_PASSPHRASE })
    const running = runCli(['serve', '--json'], first.io)
    await first.firstLine()
    first.stop()
    await running
    const second = fakeCliIo({ ...env, BRIDGEBENCH_PASSPHRASE: 'a different passphrase' })
    expect(await runCli(['serve', '--json'], second.io)).toBe(1)
    expect(second.stderr()).toMatch(/Wrong passphrase/)
  })
})
