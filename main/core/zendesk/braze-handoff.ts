import type { BrazeHandoff } from '../../../shared/contract/compose'
import { maskHeaderValue } from '../../../shared/security/masking'
import { apiTokenRetirementWarning } from '../../../shared/zendesk/api-token-retirement'
import type { ProfileVault } from '../vault/profile-vault'
import type { ZendeskAuthorizer } from './zendesk-authorizer'

export interface HandoffDeps {
  vault: ProfileVault
  authorizer: ZendeskAuthorizer
  now: () => Date
  /** Desktop only: writes the system clipboard from main. */
  copyToClipboard?: (text: string) => void
}

const OAUTH_DOC =
  'https://developer.zendesk.com/documentation/api-basics/authentication/oauth-migration/'

/**
 * What to paste into Braze's webhook composer to create tickets in this profile's Zendesk
 * (https://www.braze.com/docs/user_guide/message_building_by_channel/webhooks/creating_a_webhook/):
 * URL, method, each header and the raw body. Authorization is a Bearer OAuth token the profile
 * mints (client credentials) or holds, with its expiry, because API tokens stop working on
 * 2027-04-30; an API-token profile gets its Basic header with that warning.
 */
export async function brazeHandoff(
  deps: HandoffDeps,
  profileId: string,
  input: { body: string; headers: Record<string, string>; copy: 'masked' | 'secrets' },
): Promise<BrazeHandoff> {
  if (input.copy === 'secrets' && !deps.copyToClipboard) {
    throw new Error(
      'Copy with secrets is only available in the desktop app: in browser mode secrets never reach the page. Copy the masked fields and paste the token yourself.',
    )
  }
  const mode = deps.vault.get(profileId).zendesk.auth.mode
  // A client-credentials profile mints a fresh token, so the expiry shown is the longest it gets.
  if (mode === 'oauth-client') await deps.authorizer.clientCredentials(profileId)
  const authorization = await deps.authorizer.authorization(profileId)
  const profile = deps.vault.get(profileId)
  const expiresAt = profile.zendesk.auth.accessTokenExpiresAt ?? null
  const bearer = mode !== 'api-token'
  const note = bearer
    ? expiresAt
      ? `This token stops working at ${expiresAt}; Braze sends it as pasted, so mint a new one before then (or use a non-expiring token from a local OAuth client).`
      : 'Zendesk gave this token no expiry.'
    : `${apiTokenRetirementWarning(deps.now())} See ${OAUTH_DOC}`
  const headers: Array<[string, string]> = [
    ['Content-Type', 'application/json'],
    ...Object.entries(input.headers).filter(
      ([name]) => !['authorization', 'content-type'].includes(name.toLowerCase()),
    ),
    ['Authorization', authorization],
  ]
  const url = `${profile.zendesk.baseUrl}/api/v2/tickets.json`
  let copied = false
  if (input.copy === 'secrets' && deps.copyToClipboard) {
    deps.copyToClipboard(
      [
        `URL: ${url}`,
        'Method: POST',
        ...headers.map(([name, value]) => `Header: ${name}: ${value}`),
        '',
        input.body,
      ].join('\n'),
    )
    copied = true
  }
  return {
    url,
    method: 'POST',
    headers: headers.map(([name, value]) => {
      const masked = maskHeaderValue(name, value)
      return { name, value: masked, secret: masked !== value }
    }),
    body: input.body,
    authorization: { kind: bearer ? 'oauth-bearer' : 'api-token-basic', expiresAt, note },
    copied,
  }
}
