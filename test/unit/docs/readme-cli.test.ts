import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { createProgram } from '../../../main/cli/program'
import { fakeCliIo } from '../../helpers/cli'

const README = readFileSync(
  path.resolve(import.meta.dirname, '..', '..', '..', 'README.md'),
  'utf8',
)

/** Every command a user can run, by its full name: `serve`, `ticket send`, `profile add`… */
function leafCommands(command: Command, prefix = ''): string[] {
  return command.commands
    .filter((c) => c.name() !== 'help')
    .flatMap((c) => {
      const name = `${prefix}${c.name()}`
      return c.commands.length > 0 ? leafCommands(c, `${name} `) : [name]
    })
}

/**
 * The README's CLI table: the command each row starts with, read as the longest run of its
 * leading words that names a command (`ticket send --template FILE` → `ticket send`); a row
 * whose words name none is kept as written, so the test reports it.
 */
function documented(commands: readonly string[]): string[] {
  return [...README.matchAll(/^\| `bridgebench ((?:[a-z]+ ?)+)/gm)].map((m) => {
    const words = (m[1] ?? '').trim().split(' ')
    for (let n = words.length; n > 0; n--) {
      const name = words.slice(0, n).join(' ')
      if (commands.includes(name)) return name
    }
    return words.join(' ')
  })
}

describe('the README’s CLI table', () => {
  const commands = leafCommands(createProgram(fakeCliIo({}).io))

  it('has a row for every command the CLI has', () => {
    const rows = new Set(documented(commands))
    expect(commands.filter((c) => !rows.has(c))).toEqual([])
  })

  it('lists no command the CLI does not have', () => {
    expect(documented(commands).filter((c) => !commands.includes(c))).toEqual([])
  })

  it('knows the CLI has more than serve', () => {
    expect(commands).toEqual(expect.arrayContaining(['render', 'ticket cleanup', 'profile add']))
  })
})

describe('help texts', () => {
  it('show no empty default for options that collect values', async () => {
    const run = fakeCliIo({})
    const { runCli } = await import('../../../main/cli/program')
    await runCli(['render', '--help'], run.io)
    expect(run.stdout()).not.toMatch(/default: \{\}/)
    expect(run.stdout()).toMatch(/--user <file-or-id>\s+whom to render for \(this or --users is/)
  })
})
