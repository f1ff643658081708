import { InvalidArgumentError, type Command } from 'commander'
import {
  zendeskAuthMode,
  type ProfileView,
  type ZendeskAuthMode,
} from '../../../shared/contract/profiles'
import { CliFailure, EXIT, printJson, printLine, type CliIo } from '../cli-io'
import { readSecrets } from '../profile-secrets'
import { resolveProfileId } from '../resolve-profile'
import { withApi } from '../with-api'

interface AddOptions {
  name: string
  zendesk: string
  zendeskEmail?: string
  zendeskAuth: ZendeskAuthMode
  clientId?: string
  scopes?: string
  brazeEndpoint: string
  secretsStdin: boolean
  activate: boolean
  json: boolean
  standalone: boolean
}

interface CommonOptions {
  json?: boolean
  standalone: boolean
}

const STANDALONE = [
  '--standalone',
  'run a private engine instead of attaching to a running app',
] as const

export function registerProfile(program: Command, io: CliIo): void {
  const profile = program
    .command('profile')
    .description(
      'Connection profiles: Zendesk account + auth, Braze endpoint + key (secrets encrypted)',
    )

  profile
    .command('list')
    .description('List profiles; the active one is marked with *')
    .option('--json', 'print {profiles, activeProfileId}', false)
    .option(...STANDALONE, false)
    .action((options: CommonOptions) =>
      withApi(io, options, async (api) => {
        const { profiles, activeProfileId } = await api.profiles.list()
        if (options.json) return printJson(io.stdout, { profiles, activeProfileId })
        for (const p of profiles) printLine(io.stdout, describe(p, p.id === activeProfileId))
      }),
    )

  profile
    .command('add')
    .description(
      'Add a profile. Secrets come from BRIDGEBENCH_ZENDESK_TOKEN, BRIDGEBENCH_BRAZE_API_KEY, ' +
        'BRIDGEBENCH_SIGNING_SECRET (and BRIDGEBENCH_ZENDESK_CLIENT_SECRET, BRIDGEBENCH_TUNNEL_TOKEN) ' +
        'or a JSON object on stdin with --secrets-stdin; never from arguments.',
    )
    .requiredOption('--name <name>', 'profile name')
    .requiredOption(
      '--zendesk <subdomain|url>',
      'acme, acme.zendesk.com, https://acme.zendesk.com or a custom base URL',
    )
    .option('--zendesk-email <email>', 'agent/admin email (API-token auth)')
    .option(
      '--zendesk-auth <mode>',
      `one of ${zendeskAuthMode.options.join(', ')}`,
      parseMode,
      'api-token',
    )
    .option('--client-id <id>', 'OAuth client id (oauth-pkce, oauth-client)')
    .option('--scopes <scopes>', 'OAuth scopes, space-separated', 'read write')
    .option('--braze-endpoint <url>', 'Braze REST endpoint or instance (e.g. US-01)', 'US-01')
    .option('--secrets-stdin', 'read secrets as a JSON object from stdin', false)
    .option('--activate', 'make it the active profile', false)
    .option('--json', 'print the created profile (secrets shown only as set/hint)', false)
    .option(...STANDALONE, false)
    .action((options: AddOptions) =>
      withApi(io, options, async (api) => {
        const secrets = await readSecrets(
          io.env,
          options.secretsStdin ? io.stdin : undefined,
          options.zendeskAuth,
        )
        const created = await api.profiles.create({
          name: options.name,
          zendesk: options.zendesk,
          zendeskAuth: {
            mode: options.zendeskAuth,
            email: options.zendeskEmail,
            clientId: options.clientId,
            scopes: options.zendeskAuth.startsWith('oauth-') ? options.scopes : undefined,
          },
          brazeEndpoint: options.brazeEndpoint,
          secrets,
        })
        if (options.activate) await api.profiles.activate({ id: created.id })
        if (options.json) return printJson(io.stdout, created)
        printLine(io.stdout, `Added ${describe(created, options.activate)}`)
      }),
    )

  profile
    .command('test <profile>')
    .description('Test a profile against Zendesk and Braze; exits 1 when a check fails')
    .option('--json', 'print the connection report', false)
    .option(...STANDALONE, false)
    .action((ref: string, options: CommonOptions) =>
      withApi(io, options, async (api) => {
        const report = await api.profiles.test({ id: await resolveProfileId(api, ref) })
        if (options.json) printJson(io.stdout, report)
        else {
          for (const check of report.checks) {
            const mark = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', skipped: 'SKIP' }[
              check.outcome
            ]
            const latency = check.latencyMs === undefined ? '' : ` (${check.latencyMs} ms)`
            printLine(
              io.stdout,
              `${mark}  ${check.service} · ${check.name}${latency}\n      ${check.message}`,
            )
          }
        }
        if (!report.ok)
          throw new CliFailure('Connection test failed (see the checks above).', EXIT.failure)
      }),
    )

  profile
    .command('use <profile>')
    .description('Make a profile the active one')
    .option(...STANDALONE, false)
    .action((ref: string, options: CommonOptions) =>
      withApi(io, options, async (api) => {
        const id = await resolveProfileId(api, ref)
        const { profiles } = await api.profiles.activate({ id })
        printLine(io.stdout, `Active profile: ${profiles.find((p) => p.id === id)?.name ?? id}`)
      }),
    )

  profile
    .command('remove <profile>')
    .description('Remove a profile and its stored secrets')
    .option('--json', 'print {removed, id}', false)
    .option(...STANDALONE, false)
    .action((ref: string, options: CommonOptions) =>
      withApi(io, options, async (api) => {
        const id = await resolveProfileId(api, ref)
        const { removed } = await api.profiles.remove({ id })
        if (options.json) printJson(io.stdout, { removed, id })
        else printLine(io.stdout, `Removed ${ref} (${id}) and its secrets.`)
      }),
    )
}

function parseMode(value: string): ZendeskAuthMode {
  const parsed = zendeskAuthMode.safeParse(value)
  if (!parsed.success) {
    throw new InvalidArgumentError(`must be one of ${zendeskAuthMode.options.join(', ')}.`)
  }
  return parsed.data
}

function describe(p: ProfileView, active: boolean): string {
  const secrets = Object.entries(p.secrets)
    .filter(([, state]) => state.set)
    .map(([slot, state]) => (state.hint ? `${slot} ••••${state.hint}` : slot))
  return [
    `${active ? '*' : ' '} ${p.name} (${p.id})${p.builtIn ? ' [built-in]' : ''}`,
    `    Zendesk ${p.zendesk.baseUrl || '(simulator not running)'} · ${p.zendesk.auth.mode}${p.zendesk.auth.email ? ` as ${p.zendesk.auth.email}` : ''}`,
    `    Braze   ${p.braze.endpoint || '(simulator not running)'}`,
    `    Secrets ${secrets.length ? secrets.join(', ') : 'none'}`,
  ].join('\n')
}
