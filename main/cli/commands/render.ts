import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { noProblemsText } from '../../../shared/compose/lint-verdict'
import type { ComposeRenderOutput } from '../../../shared/contract/compose'
import type { Problem } from '../../../shared/contract/problems'
import type { BrazeUserProfile } from '../../../shared/contract/users'
import { isLintTarget, lintTargets } from '../../core/liquid/lint/lint-subject'
import { importUsersCsv } from '../../core/users/import-users-csv'
import { importUsersJson, type UserImport } from '../../core/users/import-users-json'
import { userKey } from '../../core/users/user-identity'
import { CliFailure, EXIT, printJson, printLine, type CliIo } from '../cli-io'
import { cliFailureFrom } from '../api-session'
import { collectHeader } from '../parse-options'
import { withApi } from '../with-api'

interface RenderOptions {
  user?: string
  users?: string
  target: string
  header?: Record<string, string>
  now?: string
  allowAbort: boolean
  json: boolean
  standalone: boolean
}

/** `--target liquid`: Liquid errors only, no target (the UI's "Liquid only"). */
const LIQUID_ONLY = 'liquid'
/** The Compose screen's default, so the CLI and the UI vouch for the same thing. */
const DEFAULT_TARGET = 'zendesk-ticket'

/**
 * `bridgebench render TEMPLATE --user FILE|ID [--users FILE] [--target ID] [--json]`
 *
 * Exit codes: 0 when every render is clean; 1 when any render has an error-severity problem
 * or was aborted by abort_message (the message would not be sent — `--allow-abort` accepts
 * that); 2 on bad usage: a missing or unreadable file, an unknown user id or target.
 */
export function registerRender(program: Command, io: CliIo): void {
  program
    .command('render')
    .description('Render a Braze Liquid template for sample users and list its problems')
    .argument('<template>', 'template file (Braze Liquid)')
    .option(
      '--user <file-or-id>',
      'whom to render for (this or --users is required): a JSON/CSV file with one user, or a built-in or saved user (Compose screen) by id, external_id or braze_id',
    )
    .option('--users <file>', 'render for every user in a JSON (Braze export) or CSV file')
    .option(
      '--target <id>',
      `what to lint the output for: ${targetIds().join(', ')}, or ${LIQUID_ONLY} (Liquid errors only; a JSON Content-Type header still checks the JSON)`,
      DEFAULT_TARGET,
    )
    .option(
      '--header <name: value>',
      'a request header template, e.g. "Content-Type: application/json"; repeat for more',
      collectHeader,
    )
    .option('--now <iso-time>', "the time 'now' stands for (default: the current time)")
    .option('--allow-abort', 'exit 0 when abort_message stops a render', false)
    .option(
      '--json',
      'print {output, aborted, problems, lintedAs} as JSON (one line per user with --users)',
      false,
    )
    .option('--standalone', 'run a private engine instead of attaching to a running app', false)
    .action(async (templatePath: string, options: RenderOptions) => {
      const template = readText(templatePath, 'Template')
      const target = options.target === LIQUID_ONLY ? undefined : options.target
      if (target !== undefined && !isLintTarget(target)) {
        throw new CliFailure(
          `Unknown target "${options.target}". Known targets: ${[...targetIds(), LIQUID_ONLY].join(', ')}.`,
          EXIT.usage,
        )
      }
      const now = options.now === undefined ? undefined : parseNow(options.now)
      const picks = pickUsers(options)
      await withApi(io, options, async (api) => {
        let failed = false
        for (const pick of picks) {
          const result = await api.compose
            .render({
              template,
              headers: options.header ?? {},
              ...(now ? { now: now.toISOString() } : {}),
              ...(target ? { target } : {}),
              ...('user' in pick ? { user: pick.user } : { userId: pick.userId }),
            })
            .catch(async (error: unknown) => {
              if ('userId' in pick && cliFailureFrom(error).exitCode === EXIT.usage) {
                const known = (await api.users.list())
                  .map((u) => u.user.external_id ?? u.id)
                  .join(', ')
                throw new CliFailure(
                  `No file and no sample user "${pick.userId}". Known users (built-in and saved): ${known}.`,
                  EXIT.usage,
                )
              }
              throw error
            })
          failed ||=
            result.problems.some((p) => p.severity === 'error') ||
            (result.aborted !== null && !options.allowAbort)
          if (options.json) {
            printJson(
              io.stdout,
              summary(result, options.users ? userKey(result.renderedFor.user) : undefined),
            )
          } else printHuman(io, result, picks.length > 1 ? result.renderedFor.label : undefined)
        }
        if (failed)
          throw new CliFailure(
            picks.length > 1
              ? 'Some renders have errors or were aborted.'
              : 'The render has errors or was aborted.',
            EXIT.failure,
          )
      })
    })
}

function targetIds(): string[] {
  return lintTargets().map((t) => t.id)
}

function parseNow(value: string): Date {
  const now = new Date(value)
  if (Number.isNaN(now.getTime()))
    throw new CliFailure(
      `--now "${value}" is not a time; use ISO 8601, e.g. 2026-11-20T15:04:05Z.`,
      EXIT.usage,
    )
  return now
}

function readText(file: string, what: string): string {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new CliFailure(`${what} file not found: ${file}`, EXIT.usage)
  return readFileSync(file, 'utf8')
}

/** Users from a file are sent inline; an id is looked up by the engine (built-in or saved). */
type UserPick = { user: BrazeUserProfile } | { userId: string }

function pickUsers(options: RenderOptions): UserPick[] {
  if (options.user !== undefined && options.users !== undefined)
    throw new CliFailure('Give either --user or --users, not both.', EXIT.usage)
  if (options.users !== undefined) return loadUserFile(options.users).map((user) => ({ user }))
  if (options.user === undefined)
    throw new CliFailure('Say whom to render for: --user FILE|ID or --users FILE.', EXIT.usage)
  if (existsSync(options.user)) {
    const users = loadUserFile(options.user)
    if (users.length !== 1)
      throw new CliFailure(
        `${options.user} holds ${users.length} users; use --users to render for each.`,
        EXIT.usage,
      )
    return users.map((user) => ({ user }))
  }
  return [{ userId: options.user }]
}

function loadUserFile(file: string): BrazeUserProfile[] {
  const text = readText(file, 'Users')
  const imported: UserImport =
    path.extname(file).toLowerCase() === '.csv' ? importUsersCsv(text) : importUsersJson(text)
  const errors = imported.problems.filter((p) => p.severity === 'error')
  if (errors.length > 0) {
    const lines = errors.map(
      (p) => `  ${file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''} ${p.message} ${p.fix}`,
    )
    throw new CliFailure(`Cannot read the users in ${file}:\n${lines.join('\n')}`, EXIT.usage)
  }
  if (imported.users.length === 0) throw new CliFailure(`${file} holds no users.`, EXIT.usage)
  return imported.users
}

function summary(result: ComposeRenderOutput, user: string | undefined) {
  const body = {
    output: result.output,
    aborted: result.aborted,
    problems: result.problems,
    lintedAs: result.lintedAs,
  }
  return user === undefined ? body : { user, ...body }
}

function printHuman(io: CliIo, result: ComposeRenderOutput, label: string | undefined): void {
  if (label) printLine(io.stdout, `── ${label} ──`)
  if (result.aborted)
    printLine(io.stdout, `Message aborted (Braze would not send it): ${result.aborted.reason}`)
  else printLine(io.stdout, result.output)
  if (result.problems.length === 0)
    printLine(io.stdout, noProblemsText(result.lintedAs, 'run with --target zendesk-ticket'))
  else
    printLine(
      io.stdout,
      `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}:`,
    )
  for (const problem of result.problems) printLine(io.stdout, describe(problem))
}

function describe(problem: Problem): string {
  const where = problem.line ? `${problem.line}:${problem.column ?? 1}` : (problem.source ?? '-')
  return `  ${problem.severity.padEnd(7)} ${where.padEnd(7)} ${problem.code}: ${problem.message}\n${' '.repeat(18)}fix: ${problem.fix}`
}
