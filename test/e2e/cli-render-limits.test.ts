import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTempDir } from '../helpers/temp-dir'

const REPO = path.resolve(import.meta.dirname, '..', '..')
const BUILT = path.join(REPO, 'out', 'main')
/** The template of the issue: ten billion turns of a loop that writes one character each. */
const RUNAWAY = '{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}'

interface Run {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** The built CLI, as a user runs it, in its own data folder. */
function cli(home: string, args: string[], main = path.join(BUILT, 'cli.js')): Run {
  const child = spawn(process.execPath, [main, ...args], {
    env: { ...process.env, BRIDGEBENCH_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  return { child, stdout: () => out, stderr: () => err, exited }
}

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('the built CLI renders in a worker', () => {
  const tempDir = useTempDir('bridgebench-cli-limits-')
  const fileDir = useTempDir('bridgebench-cli-limits-files-', 'file')
  let folder: string
  let runaway: string
  let fiveUsers: string

  beforeAll(() => {
    if (!existsSync(path.join(BUILT, 'cli.js')))
      throw new Error('out/main/cli.js is missing: run `npm run build` first')
    folder = fileDir()
    runaway = path.join(folder, 'runaway.liquid')
    writeFileSync(runaway, RUNAWAY)
    fiveUsers = path.join(folder, 'users.json')
    const users = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ external_id: id, first_name: id }))
    writeFileSync(fiveUsers, JSON.stringify(users))
  })

  it('stops the runaway template of the issue at a limit, as an error at the loop', async () => {
    const run = cli(tempDir(), ['render', runaway, '--user', 'u-1001', '--json', '--standalone'])
    expect((await run.exited).code).toBe(1)
    const printed = JSON.parse(run.stdout()) as { output: string; problems: unknown[] }
    expect(printed.output).toBe('')
    expect(printed.problems).toEqual([
      // Time or memory, whichever this machine reaches first (a fast one records more pieces).
      expect.objectContaining({
        code: 'render-limit',
        message: expect.stringMatching(/^The render stopped after (2000 ms|building)/) as string,
        line: 1,
      }),
    ])
  })

  describe('from out/main/worker.js', () => {
    const copy = path.join(REPO, 'out', 'main-without-worker')
    beforeAll(() => {
      cpSync(BUILT, copy, { recursive: true })
      rmSync(path.join(copy, 'worker.js'))
    })
    afterAll(() => rmSync(copy, { recursive: true, force: true }))

    it('renders through it, and cannot render without it', async () => {
      const hello = path.join(folder, 'hello.liquid')
      writeFileSync(hello, 'Hello {{${first_name}}}')
      const args = ['render', hello, '--user', 'u-1001', '--standalone']
      const built = cli(tempDir(), args)
      expect((await built.exited).code).toBe(0)
      expect(built.stdout()).toContain('Hello Ada')
      const without = cli(tempDir(), args, path.join(copy, 'cli.js'))
      expect((await without.exited).code).toBe(1)
      expect(without.stderr()).toMatch(/The worker could not start/)
    })
  })

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`stops at once on ${signal}, even in the middle of a runaway render`, async () => {
      // Five users, each render running to its 2 s limit: the second is running when the first
      // user's result is printed.
      const run = cli(tempDir(), ['render', runaway, '--users', fiveUsers, '--standalone'])
      await until(() => run.stdout().includes('── a (a) ──'), 'the first render')
      const sent = performance.now()
      run.child.kill(signal)
      const exit = await run.exited
      expect(performance.now() - sent).toBeLessThan(1_000)
      expect(exit.code === code || exit.signal === signal).toBe(true)
      expect(run.stdout()).not.toContain('── b (b) ──')
    })
  }
})
