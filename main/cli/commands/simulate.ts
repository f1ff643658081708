import { Argument, type Command } from 'commander'
import { startBrazeSimulator } from '../../core/simulators/braze/braze-simulator'
import {
  loadSandboxSeed,
  zendeskUsersFromSample,
  type SandboxSeed,
} from '../../core/simulators/sandbox-seed'
import { startZendeskSimulator } from '../../core/simulators/zendesk/zendesk-simulator'
import { CliFailure, EXIT, printJson, printLine, type CliIo } from '../cli-io'
import { parsePort } from '../parse-options'

interface SimulateOptions {
  port: number
  json: boolean
}

type Service = 'zendesk' | 'braze'

interface Running {
  url: string
  credentials: Record<string, string>
  hint: string
  close: () => Promise<void>
}

export function registerSimulate(program: Command, io: CliIo): void {
  program
    .command('simulate')
    .description('Run a simulated Zendesk or Braze on 127.0.0.1 for other tools, until Ctrl+C')
    .addArgument(
      new Argument('<service>', 'which service to simulate').choices(['zendesk', 'braze']),
    )
    .option('-p, --port <port>', 'port to listen on (0 = any free port)', parsePort, 0)
    .option('--json', 'print one JSON line {"url": …, "credentials": {…}} when ready', false)
    .action(async (service: Service, options: SimulateOptions) => {
      const seed = await loadSeed(io)
      let running: Running
      try {
        running =
          service === 'zendesk'
            ? await startZendesk(options.port, seed)
            : await startBraze(options.port, seed)
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        throw new CliFailure(`Could not start the simulated ${service}: ${reason}`, EXIT.failure)
      }
      if (options.json) {
        printJson(io.stdout, { url: running.url, credentials: running.credentials })
      } else {
        printLine(
          io.stdout,
          `Simulated ${service === 'zendesk' ? 'Zendesk' : 'Braze'} is running at ${running.url}`,
        )
        for (const [name, value] of Object.entries(running.credentials))
          printLine(io.stdout, `  ${name}: ${value}`)
        printLine(io.stdout, `  ${running.hint}`)
        printLine(io.stdout, 'Press Ctrl+C to stop.')
      }
      await io.untilStopped()
      await running.close()
    })
}

/** The sample users, when the resources folder can be found; an empty simulator otherwise. */
async function loadSeed(io: CliIo): Promise<SandboxSeed | null> {
  try {
    return await loadSandboxSeed()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    printLine(io.stderr, `Warning: starting without sample users (${reason})`)
    return null
  }
}

async function startZendesk(port: number, seed: SandboxSeed | null): Promise<Running> {
  const zendesk = await startZendeskSimulator({
    port,
    users: seed ? zendeskUsersFromSample(seed.users) : [],
  })
  const { subdomain, email, token, oauthToken } = zendesk.credentials
  return {
    url: zendesk.url,
    credentials: { subdomain, email, token, oauthToken },
    hint: `API: ${zendesk.apiUrl} (Basic "${email}/token:TOKEN" or Bearer OAUTHTOKEN)`,
    close: () => zendesk.close(),
  }
}

async function startBraze(port: number, seed: SandboxSeed | null): Promise<Running> {
  const braze = await startBrazeSimulator({ port, users: seed?.users ?? [] })
  return {
    url: braze.url,
    credentials: { apiKey: braze.credentials.apiKey },
    hint: `POST ${braze.trackUrl} with "Authorization: Bearer APIKEY"`,
    close: () => braze.close(),
  }
}
