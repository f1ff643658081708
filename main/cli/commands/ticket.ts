import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import type { SendTicketEvent, SendTicketResult } from '../../../shared/contract/tickets'
import type { Engine } from '../../core/engine'
import { firePreset } from '../../core/presets/fire-preset'
import { PresetNotFoundError } from '../../core/presets/preset-store'
import { UserNotFoundError } from '../../core/users/user-library'
import { SANDBOX_ID } from '../../core/vault/profile-vault'
import { CliFailure, EXIT, printJson, printLine, type CliIo } from '../cli-io'
import { createNodeEngine } from '../node-engine'
import { resolveProfile } from '../resolve-profile'

interface SendOptions {
  preset?: string
  template?: string
  user?: string
  profile?: string
  tag: boolean
  json: boolean
}

/**
 * `bridgebench ticket send --preset NAME` or `--template FILE --user ID [--profile NAME]`.
 * `--json` prints `{ticketId, url, status, problems}`; exit 1 when Zendesk refuses the ticket
 * (or nothing was sent), 2 on bad usage.
 */
export function registerTicket(program: Command, io: CliIo): void {
  const ticket = program
    .command('ticket')
    .description('Fire test tickets into Zendesk and clean them up')

  ticket
    .command('send')
    .description('Render a template for a sample user and create the ticket, as Braze would')
    .option('--preset <name>', 'a saved preset (template × user × profile)')
    .option('--template <file>', 'a Braze Liquid template file')
    .option('--user <id>', 'a built-in or saved sample user (id, external_id or braze_id)')
    .option('--profile <name>', 'profile name or id (default: the active profile)')
    .option('--tag', 'add the bridgebench_test tag (changes the body)', false)
    .option('--json', 'print {ticketId, url, status, problems}', false)
    .action(async (options: SendOptions) => {
      if (!options.preset && !(options.template && options.user)) {
        throw new CliFailure('Give --preset NAME, or --template FILE and --user ID.', EXIT.usage)
      }
      const template = options.template ? readTemplate(options.template) : undefined
      await withTicketEngine(io, options, async (engine, profileId) => {
        const events = options.preset
          ? firePreset(engine, options.preset)
          : engine.tickets.send({
              profileId,
              template: template ?? '',
              userId: options.user,
              addTestTag: options.tag,
            })
        const outcome = await follow(events, io, options.json)
        if (options.json) {
          printJson(io.stdout, {
            ticketId: outcome.result?.ticketId ?? null,
            url: outcome.result?.agentUrl ?? null,
            status: outcome.result?.ticketStatus ?? null,
            problems: outcome.result?.problems ?? outcome.problems,
            message: outcome.result?.message ?? outcome.message,
          })
        }
        if (!outcome.result?.ok)
          throw new CliFailure(outcome.result?.message ?? outcome.message, EXIT.failure)
      })
    })

  ticket
    .command('list')
    .description('Test tickets Bridgebench created (not yet cleaned up)')
    .option('--profile <name>', 'only this profile')
    .option('--json', 'print them as JSON', false)
    .action(async (options: { profile?: string; json: boolean }) => {
      const engine = await createNodeEngine(io.env, 'cli')
      try {
        const profileId = options.profile ? resolveProfile(engine, options.profile).id : undefined
        const tickets = engine.tickets.history(profileId)
        if (options.json) return printJson(io.stdout, tickets)
        if (tickets.length === 0) printLine(io.stdout, 'No test tickets.')
        for (const t of tickets)
          printLine(io.stdout, `#${t.ticketId}  ${t.subject ?? ''}  ${t.agentUrl}`)
      } finally {
        await engine.close()
      }
    })
}

async function withTicketEngine(
  io: CliIo,
  options: { profile?: string; preset?: string },
  work: (engine: Engine, profileId: string) => Promise<void>,
): Promise<void> {
  let engine = await createNodeEngine(io.env, 'cli')
  try {
    const fromPreset = options.preset ? engine.presets.find(options.preset).profileId : null
    const profileId = options.profile
      ? resolveProfile(engine, options.profile).id
      : (fromPreset ?? engine.vault.activeProfileId())
    // The Sandbox's Zendesk lives in this process: start it only when it is the target.
    if (profileId === SANDBOX_ID) {
      await engine.close()
      engine = await createNodeEngine(io.env, 'cli', { sandbox: true })
    }
    await work(engine, profileId)
  } catch (error) {
    if (error instanceof CliFailure) throw error
    const usage = error instanceof PresetNotFoundError || error instanceof UserNotFoundError
    throw new CliFailure(
      error instanceof Error ? error.message : String(error),
      usage ? EXIT.usage : EXIT.failure,
    )
  } finally {
    await engine.close()
  }
}

async function follow(events: AsyncIterable<SendTicketEvent>, io: CliIo, quiet: boolean) {
  let result: SendTicketResult | undefined
  let message = 'Nothing was sent.'
  let problems: SendTicketResult['problems'] = []
  for await (const event of events) {
    if (event.type === 'waiting')
      printLine(
        io.stderr,
        `Zendesk asked to wait ${event.seconds} s (attempt ${event.attempt} next)…`,
      )
    if (event.type === 'not-sent') {
      message = event.message
      problems = event.problems
    }
    if (event.type === 'result') result = event.result
  }
  if (!quiet) {
    printLine(io.stdout, result?.message ?? message)
    if (result?.agentUrl) printLine(io.stdout, `  ${result.agentUrl}`)
    for (const p of result?.problems ?? problems) {
      const where = p.line ? ` (line ${p.line}${p.column ? `:${p.column}` : ''})` : ''
      printLine(io.stdout, `  ${p.severity}${where}: ${p.message}\n    fix: ${p.fix}`)
    }
  }
  return { result, message, problems }
}

function readTemplate(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    throw new CliFailure(`Cannot read the template file ${file}.`, EXIT.usage)
  }
}
