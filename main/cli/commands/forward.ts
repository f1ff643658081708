import { readFileSync } from 'node:fs'
import type { TrackObjectLimit } from '../../../shared/braze/track-limits'
import type { Command } from 'commander'
import type { ForwardResult, LintReport, TrackLintProblem } from '../../../shared/contract/forward'
import { CliFailure, EXIT, printJson, printLine, type CliIo } from '../cli-io'
import { resolveProfileId } from '../resolve-profile'
import { withApi } from '../with-api'

interface SendOptions {
  profile?: string
  url?: string
  auth?: string
  readBack: boolean
  json: boolean
  standalone: boolean
}

interface LintOptions {
  template?: string
  profile?: string
  max?: string
  per?: string
  strict: boolean
  json: boolean
  standalone: boolean
}

/**
 * `bridgebench forward send CAPTURE_ID [--profile P] [--url URL] [--auth profile|capture]
 * [--read-back] [--json]`: forwards one capture to Braze now and prints what Braze did with it
 * (exit 1 unless Braze took every object). `bridgebench forward lint FILE [--template FILE]
 * [--max N --per request|array] [--strict] [--json]`: the pre-flight lint of a `/users/track`
 * body (exit 1 on an error, or on any problem with --strict).
 */
export function registerForward(program: Command, io: CliIo): void {
  const forward = program
    .command('forward')
    .description('Forward captured webhooks on to Braze, and lint /users/track bodies')

  forward
    .command('send')
    .description('Forward one capture now: to its route’s target, or another profile or URL')
    .argument('<captureId>', 'the capture (its id in the Inbox or in `listen` output)')
    .option(
      '--profile <name>',
      "send to this profile's Braze endpoint (and key, with --auth profile)",
    )
    .option('--url <url>', 'send to this base URL instead (the capture’s path is appended)')
    .option('--auth <source>', "Authorization: 'profile' (the profile's key) or 'capture'")
    .option('--read-back', 'read the profiles back through /users/export/ids afterwards', false)
    .option('--json', 'print {exchangeId, forward, lint, outcome, readBack}', false)
    .option('--standalone', 'run a private engine instead of attaching to a running app', false)
    .action(async (captureId: string, options: SendOptions) => {
      if (options.auth !== undefined && options.auth !== 'profile' && options.auth !== 'capture')
        throw new CliFailure("--auth is 'profile' or 'capture'.", EXIT.usage)
      await withApi(io, options, async (api) => {
        const profileId = options.profile ? await resolveProfileId(api, options.profile) : undefined
        const result = await api.forward.run({
          captureId,
          ...(profileId ? { profileId } : {}),
          ...(options.url ? { url: options.url } : {}),
          ...(options.auth ? { auth: options.auth as 'profile' | 'capture' } : {}),
          readBack: options.readBack,
        })
        if (options.json) printJson(io.stdout, result)
        else printForward(io, result)
        if (result.outcome.state !== 'forwarded')
          throw new CliFailure(result.outcome.message, EXIT.failure)
      })
    })

  forward
    .command('lint')
    .description('Check a /users/track body the way Braze will read it, before it is sent')
    .argument('<file>', 'the JSON body')
    .option('--template <file>', 'the trigger body template it came from: problems name its lines')
    .option('--profile <name>', "use this profile's object limit (default: the active profile's)")
    .option('--max <n>', 'objects per request (75; 50 on some contracts)')
    .option('--per <scope>', "'request' (75 across the arrays, Braze's default) or 'array'")
    .option('--strict', 'exit 1 on warnings too', false)
    .option('--json', 'print {problems, blocked}', false)
    .option('--standalone', 'run a private engine instead of attaching to a running app', false)
    .action(async (file: string, options: LintOptions) => {
      const objectLimit = limitOf(options)
      const body = readText(file)
      const template = options.template ? readText(options.template) : undefined
      await withApi(io, options, async (api) => {
        const profileId = options.profile ? await resolveProfileId(api, options.profile) : undefined
        const report = await api.forward.lint({
          body,
          ...(template ? { template } : {}),
          ...(profileId ? { profileId } : {}),
          ...(objectLimit ? { objectLimit } : {}),
        })
        const blocked = options.strict
          ? report.problems.length > 0
          : report.problems.some((p) => p.severity === 'error')
        if (options.json) printJson(io.stdout, { problems: report.problems, blocked })
        else printLint(io, report)
        if (blocked) {
          const count = report.problems.length
          throw new CliFailure(
            `${count} problem${count === 1 ? '' : 's'} in ${file}.`,
            EXIT.failure,
          )
        }
      })
    })
}

function limitOf(options: LintOptions): TrackObjectLimit | undefined {
  if (options.max === undefined && options.per === undefined) return undefined
  const max = Number(options.max ?? 75)
  if (!Number.isInteger(max) || max < 1)
    throw new CliFailure('--max is a whole number.', EXIT.usage)
  const per = options.per ?? 'request'
  if (per === 'request' || per === 'array') return { max, per }
  throw new CliFailure("--per is 'request' or 'array'.", EXIT.usage)
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    throw new CliFailure(
      `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
      EXIT.usage,
    )
  }
}

function printForward(io: CliIo, result: ForwardResult): void {
  printLine(
    io.stdout,
    `${result.forward.message}${result.exchangeId ? `  (exchange ${result.exchangeId})` : ''}`,
  )
  if (result.forward.state !== 'forwarded') printLine(io.stdout, `  ${result.outcome.message}`)
  for (const refused of result.outcome.refused) {
    const where = refused.templateAt ? ` (template line ${refused.templateAt.line})` : ''
    printLine(io.stdout, `  skipped ${refused.path || 'the request'}${where}: ${refused.type}`)
  }
  for (const warning of result.outcome.warnings) printLine(io.stdout, `  warning: ${warning}`)
  printLint(io, result.lint)
  if (result.readBack) printLine(io.stdout, `Read back: ${result.readBack.summary}`)
}

function printLint(io: CliIo, report: LintReport): void {
  if (report.problems.length === 0) {
    printLine(io.stdout, 'Lint: no problems.')
    return
  }
  for (const problem of report.problems) printLine(io.stdout, lintLine(problem))
}

function lintLine(problem: TrackLintProblem): string {
  const at = problem.at ? ` line ${problem.at.line}:${problem.at.column}` : ''
  const template = problem.templateAt ? ` (template line ${problem.templateAt.line})` : ''
  return `${problem.severity} ${problem.code} ${problem.path || '(body)'}${at}${template}: ${problem.message}\n    fix: ${problem.fix}`
}
