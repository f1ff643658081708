import { readFileSync } from 'node:fs'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createProgram } from '../../../../main/cli/program'

const README = readFileSync(path.resolve(import.meta.dirname, '../../../../README.md'), 'utf8')

describe("the README's CLI table", () => {
  it('lists every trigger subcommand', () => {
    const io = {
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      stdin: new PassThrough(),
      env: {},
      untilStopped: () => new Promise<void>(() => undefined),
    }
    const trigger = createProgram(io).commands.find((c) => c.name() === 'trigger')!
    const names = trigger.commands.map((c) => c.name())
    expect(names).toEqual(['render', 'lint', 'send', 'setup'])
    for (const name of names) expect(README).toContain(`| \`bridgebench trigger ${name} `)
  })
})
