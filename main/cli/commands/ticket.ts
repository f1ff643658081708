import { readFileSync } from 'node:fs'
import { InvalidArgumentError, type Command } from 'commander'
import { accountName, cleanupQuestion, needsConfirmation } from '../../../shared/compose/send-guard'
import type { SendTicketEvent, SendTicketResult } from '../../../shared/contract/tickets'
import { retryWaitText } from '../../../shared/http/retry-wait'
import type { ApiClient } from '../../../shared/contract'
import { withApi } from '../with-api'
import { CliFailure, EXIT, printJson, printLine, type CliIo } from '../cli-io'
import { collectHeader } from '../parse-options'
import { resolveProfileId } from '../resolve-profile'
import {
  AUTHORIZATION_CHOICES,
  parseAuthorization,
  presetRequest,
  refuseLintErrorsOnRealAccount,
} from './ticket-send-checks'

interface SendOptions {
  preset?: string
  template?: string
  user?: string
  profile?: string
  header?: Record<string, string>
  authorization?: string
  tag: boolean
  timeout?: number
  yes: boolean
  json: boolean
  standalone: boolean
}

/**
 * `bridgebench ticket send --preset NAME` or `--template FILE --user ID [--profile NAME]`;
 * `ticket list`; `ticket cleanup`. Attaches to a running app on the same data folder, so the
 * ticket lands in the Sandbox and history the app shows.
 * `--json` prints `{ticketId, url, status, problems, message}`; exit 1 when Zendesk refuses the
 * ticket (or nothing was sent), 2 on bad usage. On a real (non-Sandbox) profile, a body with
 * lint errors and a cleanup both need `--yes`: the CLI's confirmation.
 */
export function registerTicket(program: Command, io: CliIo): void {
  const ticket = program
    .command('ticket')
    .description('Fire test tickets into Zendesk, list them and clean them up')

  ticket
    .command('send')
    .description('Render a template for a sample user and create the ticket, as Braze would')
    .option('--preset <name>', 'a saved preset (template × user × profile)')
    .option('--template <file>', 'a Braze Liquid template file')
    .option('--user <id>', 'a built-in or saved sample user (id, external_id or braze_id)')
    .option(
      '--header <name: value>',
      'a request header template (with --template), sent as rendered; repeat for more',
      collectHeader,
    )
    .option(
      '--authorization <whose>',
      `${AUTHORIZATION_CHOICES.join(' or ')}: the template's Authorization header as rendered (what Braze sends), or the profile's credentials in its place (default: the profile's while the template's header is missing or a placeholder)`,
    )
    .option('--profile <name>', 'profile name or id (default: the active profile)')
    .option('--tag', 'add the bridgebench_test tag to ticket.tags (nothing else changes)', false)
    .option(
      '--timeout <seconds>',
      "how long each attempt waits for Zendesk's answer (1-300, default 30)",
      parseTimeout,
    )
    .option('--yes', 'send to a real (non-Sandbox) Zendesk even when lint finds errors', false)
    .option('--json', 'print {ticketId, url, status, problems, message}', false)
    .option('--standalone', 'run a private engine instead of attaching to a running app', false)
    .action(async (options: SendOptions) => {
      if (!options.preset && !(options.template && options.user)) {
        throw new CliFailure('Give --preset NAME, or --template FILE and --user ID.', EXIT.usage)
      }
      const authorization = parseAuthorization(options.authorization)
      const template = options.template ? readTemplate(options.template) : undefined
      await withApi(io, options, async (api) => {
        const profileId = options.profile ? await resolveProfileId(api, options.profile) : undefined
        const request = options.preset
          ? await presetRequest(api, options.preset)
          : {
              profileId,
              template: template ?? '',
              headers: options.header ?? {},
              userId: options.user ?? '',
            }
        if (!options.yes) await refuseLintErrorsOnRealAccount(api, request, authorization)
        const events = options.preset
          ? await api.presets.fire({ id: await resolvePresetId(api, options.preset) })
          : await api.tickets.send({
              ...request,
              addTestTag: options.tag,
              timeoutSeconds: options.timeout,
              ...(authorization ? { authorization } : {}),
            })
        const outcome = await follow(events, io)
        if (options.json) {
          printJson(io.stdout, {
            ticketId: outcome.result?.ticketId ?? null,
            url: outcome.result?.agentUrl ?? null,
            status: outcome.result?.ticketStatus ?? null,
            problems: outcome.result?.problems ?? outcome.problems,
            message: outcome.result?.message ?? outcome.message,
          })
        } else printOutcome(io, outcome)
        if (!outcome.result?.ok)
          throw new CliFailure(
            outcome.result?.message ?? outcome.message,
            EXIT.failure,
            options.json,
          )
      })
    })

  ticket
    .command('list')
    .description('Test tickets Bridgebench created (not yet cleaned up)')
    .option('--profile <name>', 'only this profile')
    .option('--json', 'print them as JSON', false)
    .option('--standalone', 'run a private engine instead of attaching to a running app', false)
    .action((options: { profile?: string; json: boolean; standalone: boolean }) =>
      withApi(io, options, async (api) => {
        const profileId = options.profile ? await resolveProfileId(api, options.profile) : undefined
        const tickets = (await api.tickets.history({ profileId })).filter((t) => !t.deletedAt)
        if (options.json) return printJson(io.stdout, tickets)
        if (tickets.length === 0) printLine(io.stdout, 'No test tickets.')
        for (const t of tickets)
          printLine(io.stdout, `#${t.ticketId}  ${t.subject ?? ''}  ${t.agentUrl}`)
      }),
    )

  ticket
    .command('cleanup')
    .description('Delete the test tickets Bridgebench created in a profile (all, or --ticket IDs)')
    .option('--profile <name>', 'profile name or id (default: the active profile)')
    .option('--ticket <id...>', 'only these ticket ids')
    .option('--yes', 'delete from a real (non-Sandbox) Zendesk without asking', false)
    .option('--json', 'print {deleted, failed}', false)
    .option('--standalone', 'run a private engine instead of attaching to a running app', false)
    .action(
      (options: {
        profile?: string
        ticket?: string[]
        yes: boolean
        json: boolean
        standalone: boolean
      }) =>
        withApi(io, options, async (api) => {
          const { profiles, activeProfileId } = await api.profiles.list()
          const profileId = options.profile
            ? await resolveProfileId(api, options.profile)
            : activeProfileId
          const ticketIds = options.ticket?.map(parseTicketId)
          const profile = profiles.find((p) => p.id === profileId)
          if (profile && needsConfirmation(profile) && !options.yes) {
            const count =
              ticketIds?.length ??
              (await api.tickets.history({ profileId })).filter((t) => !t.deletedAt).length
            throw new CliFailure(
              `${cleanupQuestion(count, accountName(profile))} Run again with --yes to delete them.`,
              EXIT.failure,
            )
          }
          let result: { deleted: number[]; failed: Array<{ ids: number[]; message: string }> } = {
            deleted: [],
            failed: [],
          }
          for await (const event of await api.tickets.cleanup({ profileId, ticketIds })) {
            if (event.type === 'progress' && !options.json)
              printLine(io.stderr, `Deleted ${event.done} of ${event.total}…`)
            if (event.type === 'result') result = event
          }
          if (options.json) printJson(io.stdout, result)
          else {
            printLine(io.stdout, `Deleted ${result.deleted.length} test ticket(s).`)
            for (const f of result.failed)
              printLine(io.stdout, `  not deleted: ${f.ids.join(', ')}: ${f.message}`)
          }
          if (result.failed.length > 0)
            throw new CliFailure('Some test tickets were not deleted.', EXIT.failure)
        }),
    )
}

interface Outcome {
  result: SendTicketResult | undefined
  message: string
  problems: SendTicketResult['problems']
}

async function follow(events: AsyncIterable<SendTicketEvent>, io: CliIo): Promise<Outcome> {
  let result: SendTicketResult | undefined
  let message = 'Nothing was sent.'
  let problems: SendTicketResult['problems'] = []
  for await (const event of events) {
    if (event.type === 'waiting') printLine(io.stderr, waitingNote(event))
    if (event.type === 'not-sent') {
      message = event.message
      problems = event.problems
    }
    if (event.type === 'result') result = event.result
  }
  return { result, message, problems }
}

/** The countdown note: whether Zendesk asked us to wait, or nothing answered at all. */
function waitingNote(event: Extract<SendTicketEvent, { type: 'waiting' }>): string {
  return `${retryWaitText(event.reason, event.seconds)} (attempt ${event.attempt} next)…`
}

/** A success is printed on stdout; a failure's message goes once to stderr, as `Error:`. */
function printOutcome(io: CliIo, outcome: Outcome): void {
  if (outcome.result?.ok) {
    printLine(io.stdout, outcome.result.message)
    if (outcome.result.agentUrl) printLine(io.stdout, `  ${outcome.result.agentUrl}`)
  }
  for (const p of outcome.result?.problems ?? outcome.problems) {
    const where = p.line ? ` (line ${p.line}${p.column ? `:${p.column}` : ''})` : ''
    printLine(io.stdout, `  ${p.severity}${where}: ${p.message}\n    fix: ${p.fix}`)
  }
}

/** A preset by id or by name (case-insensitive); unknown is bad usage, naming the known ones. */
async function resolvePresetId(api: ApiClient, ref: string): Promise<string> {
  const presets = await api.presets.list()
  const found =
    presets.find((p) => p.id === ref) ??
    presets.find((p) => p.name.toLowerCase() === ref.toLowerCase())
  if (found) return found.id
  const known =
    presets.map((p) => `"${p.name}"`).join(', ') || 'none yet (save one on the Compose screen)'
  throw new CliFailure(`No preset "${ref}". Known presets: ${known}.`, EXIT.usage)
}

function parseTimeout(value: string): number {
  const seconds = Number(value)
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 300)
    throw new InvalidArgumentError(`"${value}" is not a number of seconds from 1 to 300.`)
  return seconds
}

function parseTicketId(value: string): number {
  const id = Number(value)
  if (!Number.isInteger(id) || id <= 0)
    throw new CliFailure(`"${value}" is not a ticket id (a positive number).`, EXIT.usage)
  return id
}

/** A template file's text; an unreadable file is bad usage. */
export function readTemplate(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    throw new CliFailure(`Cannot read the template file ${file}.`, EXIT.usage)
  }
}
