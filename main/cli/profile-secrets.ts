import type { Readable } from 'node:stream'
import type { SecretSlot, ZendeskAuthMode } from '../../shared/contract/profiles'
import { CliFailure, EXIT } from './cli-io'

/** Friendly names accepted in the stdin JSON object, besides the slot names themselves. */
const STDIN_ALIASES: Record<string, SecretSlot> = {
  brazeApiKey: 'brazeApiKey',
  signingSecret: 'zendeskSigningSecret',
  clientSecret: 'zendeskClientSecret',
  tunnelToken: 'tunnelAuthToken',
  zendeskApiToken: 'zendeskApiToken',
  zendeskAccessToken: 'zendeskAccessToken',
  zendeskRefreshToken: 'zendeskRefreshToken',
  zendeskClientSecret: 'zendeskClientSecret',
  zendeskSigningSecret: 'zendeskSigningSecret',
  tunnelAuthToken: 'tunnelAuthToken',
}

/** `BRIDGEBENCH_ZENDESK_TOKEN` is the API token or the pasted OAuth token, by auth mode. */
function zendeskTokenSlot(mode: ZendeskAuthMode): SecretSlot {
  return mode === 'oauth-token' ? 'zendeskAccessToken' : 'zendeskApiToken'
}

/**
 * Secrets never come from argv (visible in `ps` and shell history): only from environment
 * variables or a JSON object on stdin.
 */
export async function readSecrets(
  env: NodeJS.ProcessEnv,
  stdin: Readable | undefined,
  mode: ZendeskAuthMode,
): Promise<Partial<Record<SecretSlot, string>>> {
  const secrets: Partial<Record<SecretSlot, string>> = {}
  const fromEnv: Array<[string, SecretSlot]> = [
    ['BRIDGEBENCH_ZENDESK_TOKEN', zendeskTokenSlot(mode)],
    ['BRIDGEBENCH_ZENDESK_CLIENT_SECRET', 'zendeskClientSecret'],
    ['BRIDGEBENCH_BRAZE_API_KEY', 'brazeApiKey'],
    ['BRIDGEBENCH_SIGNING_SECRET', 'zendeskSigningSecret'],
    ['BRIDGEBENCH_TUNNEL_TOKEN', 'tunnelAuthToken'],
  ]
  for (const [name, slot] of fromEnv) {
    const value = env[name]?.trim()
    if (value) secrets[slot] = value
  }
  if (!stdin) return secrets
  const text = (await readAll(stdin)).trim()
  if (!text) return secrets
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new CliFailure(
      'stdin is not a JSON object of secrets, e.g. {"zendeskToken": "…", "brazeApiKey": "…"}.',
      EXIT.usage,
    )
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CliFailure('stdin must hold one JSON object of secrets.', EXIT.usage)
  }
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    const slot = name === 'zendeskToken' ? zendeskTokenSlot(mode) : STDIN_ALIASES[name]
    if (!slot) {
      throw new CliFailure(
        `Unknown secret "${name}" on stdin. Known: zendeskToken, ${Object.keys(STDIN_ALIASES).join(', ')}.`,
        EXIT.usage,
      )
    }
    if (typeof value !== 'string' || !value.trim()) {
      throw new CliFailure(`Secret "${name}" on stdin must be a non-empty string.`, EXIT.usage)
    }
    secrets[slot] = value.trim()
  }
  return secrets
}

async function readAll(stream: Readable): Promise<string> {
  let text = ''
  for await (const chunk of stream) text += String(chunk)
  return text
}
