import { describe, expect, it } from 'vitest'
import { runCli } from '../../../../main/cli/program'
import { fakeCliIo } from '../../../helpers/cli'

describe('bridgebench CLI', () => {
  it('prints its version', async () => {
    const run = fakeCliIo({})
    expect(await runCli(['--version'], run.io)).toBe(0)
    expect(run.stdout().trim()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('lists its commands in --help', async () => {
    const run = fakeCliIo({})
    expect(await runCli(['--help'], run.io)).toBe(0)
    expect(run.stdout()).toContain('serve')
  })

  it('exits 2 on an unknown command, with a pointer to --help', async () => {
    const run = fakeCliIo({})
    expect(await runCli(['bogus'], run.io)).toBe(2)
    expect(run.stderr()).toMatch(/unknown command 'bogus'/)
    expect(run.stderr()).toMatch(/--help/)
  })

  it('exits 2 on a bad option value and says what is wrong', async () => {
    const run = fakeCliIo({})
    expect(await runCli(['serve', '--port', 'eighty'], run.io)).toBe(2)
    expect(run.stderr()).toMatch(/"eighty" is not a port number/)
  })
})
