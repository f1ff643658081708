import { existsSync, readFileSync } from 'node:fs'
import type { Command } from 'commander'
import type {
  ApiClient,
  PlaceholderEscapingMode,
  Problem,
  SampleTicket,
  SetupPlan,
  SetupResult,
} from '../../../shared/contract'
import {
  placeholderEscaping,
  triggerConditionChoice,
  triggerSetupInput,
  type TriggerSetupInput,
} from '../../../shared/contract/triggers'
import { isRecord } from '../../../shared/is-record'
import { CliFailure, EXIT, printJson, printLine, type CliIo } from '../cli-io'
import { resolveProfileId } from '../resolve-profile'
import { withApi } from '../with-api'
import { readTemplate } from './ticket'

interface Common {
  profile?: string
  escaping: string
  json: boolean
  standalone: boolean
}

/**
 * `bridgebench trigger render|lint|send|setup`: the Zendesk trigger body that posts to Braze
 * `/users/track`, rendered by the simulated Zendesk's placeholder engine. Values are inserted
 * `raw` by default (the strict case: Zendesk does not document escaping them); `--escaping json`
 * renders as if Zendesk escaped them. Exit 1 when the body breaks, Braze refuses it, or a setup
 * step fails; 2 on bad usage.
 */
export function registerTrigger(program: Command, io: CliIo): void {
  const trigger = program
    .command('trigger')
    .description('Compose, check, send and set up the Zendesk trigger body that posts to Braze')
  const common = (command: Command) =>
    command
      .option('--profile <name>', 'profile name or id (default: the active profile)')
      .option('--escaping <mode>', 'how values are inserted: raw or json', 'raw')
      .option('--json', 'print the result as JSON', false)
      .option('--standalone', 'run a private engine instead of attaching to a running app', false)

  common(
    trigger
      .command('render <template>')
      .description('Render a trigger body file for one ticket')
      .requiredOption('--ticket <id|file>', 'a ticket id, a built-in sample name, or a JSON file'),
  ).action((file: string, options: Common & { ticket: string }) =>
    withApi(io, options, async (api) => {
      const { template, ticket, mode } = await oneTicket(api, file, options)
      const result = await api.triggers.render({ template, ticket, escaping: mode })
      if (options.json) printJson(io.stdout, { ticket: ticket.key, ...result })
      else {
        printLine(io.stderr, `${ticket.label} · escaping: ${result.escaping}`)
        if (result.text !== null) printLine(io.stdout, result.text)
        printProblems(io, result.problems)
      }
      if (result.problems.some((p) => p.severity === 'error'))
        throw new CliFailure('The body has errors for this ticket.', EXIT.failure)
    }),
  )

  common(
    trigger
      .command('lint <template>')
      .description('Render for many sample tickets and list the ones the body breaks for')
      .option(
        '--ticket <id|file...>',
        'only these tickets (default: built-in and Sandbox samples)',
      ),
  ).action((file: string, options: Common & { ticket?: string[] }) =>
    withApi(io, options, async (api) => {
      const template = readTemplate(file)
      const profileId = await profileOf(api, options)
      const tickets = options.ticket
        ? await Promise.all(options.ticket.map((ref) => resolveTicket(api, ref, profileId)))
        : undefined
      const result = await api.triggers.lint({
        template,
        escaping: escaping(options),
        profileId,
        ...(tickets ? { tickets } : {}),
      })
      if (options.json) printJson(io.stdout, result)
      else {
        printLine(io.stdout, `escaping: ${result.escaping}`)
        for (const ticket of result.tickets) {
          printLine(
            io.stdout,
            `${ticket.ok ? 'ok    ' : 'BREAKS'}  ${ticket.label} (${ticket.key})`,
          )
          printProblems(io, ticket.problems)
        }
        printLine(
          io.stdout,
          `${result.broken.length} of ${result.tickets.length} ticket(s) break the body.`,
        )
      }
      if (result.broken.length > 0)
        throw new CliFailure(`The body breaks for ${result.broken.join(', ')}.`, EXIT.failure)
    }),
  )

  common(
    trigger
      .command('send <template>')
      .description("Render for a ticket and POST it to the profile's Braze /users/track")
      .requiredOption('--ticket <id|file>', 'a ticket id, a built-in sample name, or a JSON file'),
  ).action((file: string, options: Common & { ticket: string }) =>
    withApi(io, options, async (api) => {
      const { template, ticket, mode, profileId } = await oneTicket(api, file, options)
      const result = await api.triggers.send({ profileId, template, ticket, escaping: mode })
      if (options.json) printJson(io.stdout, result)
      else {
        printLine(io.stdout, `${result.message}\n  POST ${result.url} → ${result.status ?? '-'}`)
        if (result.answer) printLine(io.stdout, `  Braze said: ${result.answer}`)
        printProblems(io, result.problems)
        printLine(io.stdout, `  ${result.profileMessage}`)
        if (result.profile) printLine(io.stdout, JSON.stringify(result.profile, null, 2))
      }
      if (!result.ok) throw new CliFailure(result.message, EXIT.failure)
    }),
  )

  trigger
    .command('setup')
    .description('Create or update the Zendesk webhook and trigger that post the body to Braze')
    .option('--profile <name>', 'profile name or id (default: the active profile)')
    .option('--template <file>', 'the trigger body (default: the built-in Zendesk → Braze body)')
    .option('--condition <name>', `when it fires: ${triggerConditionChoice.options.join(', ')}`)
    .option('--destination <where>', 'braze (its /users/track) or receiver (its public URL)')
    .option('--dry-run', 'print the plan and change nothing', false)
    .option('--undo', 'put back what the last setup changed', false)
    .option('--json', 'print the plan or result as JSON', false)
    .option('--standalone', 'run a private engine instead of attaching to a running app', false)
    .action(
      (options: {
        profile?: string
        template?: string
        condition?: string
        destination?: string
        dryRun: boolean
        undo: boolean
        json: boolean
        standalone: boolean
      }) =>
        withApi(io, options, async (api) => {
          const profileId = await profileOf(api, options)
          if (options.undo) return report(io, await api.triggers.undo({ profileId }), options.json)
          const condition = triggerConditionChoice.safeParse(
            options.condition ?? 'solved-or-closed',
          )
          if (!condition.success)
            throw new CliFailure(
              `--condition must be one of ${triggerConditionChoice.options.join(', ')}.`,
              EXIT.usage,
            )
          const destination = triggerSetupInput.shape.destination.safeParse(options.destination)
          if (!destination.success)
            throw new CliFailure('--destination must be braze or receiver.', EXIT.usage)
          const input: TriggerSetupInput = {
            profileId,
            condition: condition.data,
            destination: destination.data,
            ...(options.template ? { template: readTemplate(options.template) } : {}),
          }
          if (options.dryRun) {
            const plan = await api.triggers.plan(input)
            if (options.json) printJson(io.stdout, plan)
            else printPlan(io, plan)
            return
          }
          report(io, await api.triggers.apply(input), options.json)
        }),
    )
}

function report(io: CliIo, result: SetupResult, json: boolean): void {
  if (json) printJson(io.stdout, result)
  else {
    if (result.plan.changes.length > 0) printPlan(io, result.plan)
    for (const step of result.steps)
      printLine(
        io.stdout,
        `${step.ok ? 'done' : 'FAILED'}  ${step.kind} ${step.id ?? ''}: ${step.message}`,
      )
  }
  if (!result.ok) throw new CliFailure('A setup step failed (see above).', EXIT.failure)
}

/** The plan as a diff: `-` what the account has, `+` what setup writes. */
function printPlan(io: CliIo, plan: SetupPlan): void {
  printLine(io.stdout, plan.upToDate ? 'Up to date: nothing to change.' : 'Plan:')
  for (const change of plan.changes) {
    printLine(
      io.stdout,
      `${change.action.padEnd(6)} ${change.kind} "${change.name}"${change.id ? ` (${change.id})` : ''}`,
    )
    for (const field of change.fields.filter((f) => f.changed)) {
      if (field.current !== null)
        printLine(io.stdout, `  - ${field.field}: ${oneLine(field.current)}`)
      printLine(io.stdout, `  + ${field.field}: ${oneLine(field.desired)}`)
    }
  }
  for (const note of plan.notes) printLine(io.stdout, `note: ${note}`)
}

function oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ')
  return flat.length > 100 ? `${flat.slice(0, 100)}…` : flat
}

function printProblems(io: CliIo, problems: readonly Problem[]): void {
  for (const p of problems) {
    const where = p.line ? ` (line ${p.line}${p.column ? `:${p.column}` : ''})` : ''
    printLine(io.stdout, `  ${p.severity}${where}: ${p.message}\n    fix: ${p.fix}`)
  }
}

function escaping(options: Common): PlaceholderEscapingMode {
  const parsed = placeholderEscaping.safeParse(options.escaping)
  if (!parsed.success) throw new CliFailure('--escaping must be raw or json.', EXIT.usage)
  return parsed.data
}

/** What render and send take: the template file, the profile, the ticket and the escaping. */
async function oneTicket(api: ApiClient, file: string, options: Common & { ticket: string }) {
  const template = readTemplate(file)
  const profileId = await profileOf(api, options)
  const ticket = await resolveTicket(api, options.ticket, profileId)
  return { template, profileId, ticket, mode: escaping(options) }
}

async function profileOf(api: ApiClient, options: { profile?: string }): Promise<string> {
  return options.profile
    ? resolveProfileId(api, options.profile)
    : (await api.profiles.list()).activeProfileId
}

/** A JSON file (`{ticket, users}` or a bare ticket), a built-in sample name, or a ticket id. */
async function resolveTicket(
  api: ApiClient,
  ref: string,
  profileId: string,
): Promise<SampleTicket> {
  if (existsSync(ref)) return ticketFile(ref)
  if (/^\d+$/.test(ref)) return api.triggers.loadTicket({ profileId, ticketId: Number(ref) })
  const samples = await api.triggers.samples({ profileId })
  const found = samples.find((s) => s.key === ref || s.key === `builtin:${ref}`)
  if (found) return found
  const names = samples.filter((s) => s.source === 'built-in').map((s) => s.key.slice(8))
  throw new CliFailure(
    `"${ref}" is not a ticket id, a file, or a built-in sample (${names.join(', ')}).`,
    EXIT.usage,
  )
}

function ticketFile(file: string): SampleTicket {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    throw new CliFailure(`${file} is not a JSON file.`, EXIT.usage)
  }
  const ticket = isRecord(parsed) && isRecord(parsed.ticket) ? parsed.ticket : parsed
  if (!isRecord(ticket) || ticket.id === undefined)
    throw new CliFailure(
      `${file} holds no ticket: save GET /api/v2/tickets/{id} as {"ticket": {…}, "users": […]}.`,
      EXIT.usage,
    )
  const users = isRecord(parsed) && Array.isArray(parsed.users) ? parsed.users.filter(isRecord) : []
  return {
    key: `file:${file}`.slice(0, 128),
    label: file.slice(-512),
    source: 'file',
    ticket,
    users,
  }
}
