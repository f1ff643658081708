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

/**
 * Every command a user can run, by its full name (`serve`, `ticket send`, `profile add`…), with
 * its long options.
 */
function leafCommands(command: Command, prefix = ''): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>()
  for (const c of command.commands) {
    if (c.name() === 'help') continue
    const name = `${prefix}${c.name()}`
    if (c.commands.length === 0) found.set(name, new Set(c.options.map((o) => o.long ?? '')))
    else for (const [sub, options] of leafCommands(c, `${name} `)) found.set(sub, options)
  }
  return found
}

/** The README's CLI table rows of commands (not `--help`), their command cell as written (`\|` read as `|`). */
function rowCells(): string[] {
  return [...README.matchAll(/^\| (`bridgebench [a-z][^\n]*?) (?<!\\)\|/gm)].map((m) =>
    (m[1] ?? '').replace(/\\\|/g, '|'),
  )
}

/**
 * The README's CLI table: the command each row starts with, read as the longest run of its
 * leading words that names a command (`ticket send --template FILE` → `ticket send`); a row
 * whose words name none is kept as written, so the test reports it.
 */
function documented(commands: readonly string[]): string[] {
  return rowCells().map((cell) => commandOf(cell, commands))
}

/** The longest run of a cell's leading words that names a command, else its words. */
function commandOf(cell: string, commands: readonly string[]): string {
  const words = (/^`bridgebench ((?:[a-z]+ ?)+)/.exec(cell)?.[1] ?? '').trim().split(' ')
  for (let n = words.length; n > 0; n--) {
    const name = words.slice(0, n).join(' ')
    if (commands.includes(name)) return name
  }
  return words.join(' ')
}

describe('the README’s CLI table', () => {
  const options = leafCommands(createProgram(fakeCliIo({}).io))
  const commands = [...options.keys()]

  it('has a row for every command the CLI has', () => {
    const rows = new Set(documented(commands))
    expect(commands.filter((c) => !rows.has(c))).toEqual([])
  })

  it('lists no command the CLI does not have', () => {
    expect(documented(commands).filter((c) => !commands.includes(c))).toEqual([])
  })

  it('shows only options its command takes', () => {
    const stale = rowCells().flatMap((cell) => {
      const taken = options.get(commandOf(cell, commands)) ?? new Set<string>()
      return (cell.match(/--[a-z][a-z-]*/g) ?? [])
        .filter((flag) => !taken.has(flag) && !['--help', '--version'].includes(flag))
        .map((flag) => `${cell.slice(0, 50)}…: ${flag}`)
    })
    expect(stale).toEqual([])
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
