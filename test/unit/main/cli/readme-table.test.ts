import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { createProgram } from '../../../../main/cli/program'
import { fakeCliIo } from '../../../helpers/cli'

/** The README's CLI table: each row's command cell, as written. */
function readmeRows(): string[] {
  const readme = readFileSync(path.join(__dirname, '../../../../README.md'), 'utf8')
  const section = readme.slice(
    readme.indexOf('## The CLI'),
    readme.indexOf('\n## ', readme.indexOf('## The CLI') + 1),
  )
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `bridgebench'))
    .map(
      (line) =>
        line
          .split(/(?<!\\)\|/)[1]
          ?.trim()
          .replace(/\\\|/g, '|') ?? '',
    )
}

/** Every command a user can run, as `name sub` paths, with its long options. */
function programCommands(): Map<string, Set<string>> {
  const commands = new Map<string, Set<string>>()
  const walk = (command: Command, name: string) => {
    if (command.commands.length === 0)
      commands.set(name, new Set(command.options.map((option) => option.long ?? '')))
    for (const sub of command.commands) walk(sub, `${name} ${sub.name()}`)
  }
  for (const command of createProgram(fakeCliIo({}).io).commands) walk(command, command.name())
  return commands
}

/** The command paths a row names: `profile list|add` names `profile list` and `profile add`. */
function rowCommands(row: string, known: Set<string>): string[] {
  const words = row.replace(/`/g, '').split(/\s+/).slice(1)
  const [first, second] = [words[0] ?? '', words[1] ?? '']
  const subs = second.split('|').map((sub) => `${first} ${sub}`)
  if (subs.every((sub) => known.has(sub))) return subs
  return known.has(first) ? [first] : []
}

describe("the README's CLI table", () => {
  const commands = programCommands()
  const known = new Set(commands.keys())
  const rows = readmeRows().filter((row) => !row.startsWith('`bridgebench --help'))

  it('has a row for every command the program has', () => {
    const listed = new Set(rows.flatMap((row) => rowCommands(row, known)))
    expect([...known].filter((name) => !listed.has(name))).toEqual([])
  })

  it('names only commands the program has', () => {
    expect(rows.filter((row) => rowCommands(row, known).length === 0)).toEqual([])
  })

  it('shows only options the command takes', () => {
    const stale = rows.flatMap((row) => {
      const flags = row.match(/--[a-z][a-z-]*/g) ?? []
      const options = new Set(
        rowCommands(row, known).flatMap((name) => [...(commands.get(name) ?? [])]),
      )
      return flags
        .filter((flag) => !options.has(flag))
        .map((flag) => `${row.slice(0, 40)}…: ${flag}`)
    })
    expect(stale).toEqual([])
  })
})
