import type { ConnectionCheck, ConnectionReport } from '../../../shared/contract/profiles'
import type { HttpClient } from '../net/http-request'
import type { ProfileVault } from '../vault/profile-vault'
import type { ZendeskAuthorizer } from '../zendesk/zendesk-authorizer'
import { checkBrazeKey } from './braze-check'
import { apiTokenCheck, checkZendeskSignIn } from './zendesk-check'

export interface ConnectionTesterDeps {
  vault: ProfileVault
  authorizer: ZendeskAuthorizer
  http: HttpClient
  now: () => Date
}

/** Tests both sides of a profile; a report is ok only when no check failed. */
export async function testConnection(
  deps: ConnectionTesterDeps,
  profileId: string,
): Promise<ConnectionReport> {
  const profile = deps.vault.get(profileId)
  const [zendesk, braze] = await Promise.all([
    zendeskChecks(deps, profileId),
    brazeChecks(deps, profileId),
  ])
  // The Sandbox's simulated token never retires; real API-token profiles get the timeline.
  const retirement = profile.builtIn ? undefined : apiTokenCheck(profile.zendesk.auth, deps.now())
  const checks = [...zendesk, ...(retirement ? [retirement] : []), ...braze]
  return {
    profileId,
    ok: checks.every((c) => c.outcome !== 'fail'),
    checks,
    at: deps.now().toISOString(),
  }
}

async function zendeskChecks(
  deps: ConnectionTesterDeps,
  profileId: string,
): Promise<ConnectionCheck[]> {
  const profile = deps.vault.get(profileId)
  let authorization: string
  try {
    authorization = await deps.authorizer.authorization(profileId)
  } catch (error) {
    return [failure('zendesk', 'Credentials', error)]
  }
  return [await checkZendeskSignIn(deps.http, { baseUrl: profile.zendesk.baseUrl, authorization })]
}

async function brazeChecks(
  deps: ConnectionTesterDeps,
  profileId: string,
): Promise<ConnectionCheck[]> {
  const profile = deps.vault.get(profileId)
  let apiKey: string | undefined
  try {
    apiKey = deps.vault.secret(profileId, 'brazeApiKey')
  } catch (error) {
    return [failure('braze', 'Credentials', error)]
  }
  if (!apiKey) {
    return [
      {
        service: 'braze',
        name: 'Credentials',
        outcome: 'fail',
        reason: 'missing',
        message: `Profile "${profile.name}" has no Braze REST API key. Add one with the users.track permission.`,
      },
    ]
  }
  return checkBrazeKey(deps.http, { endpoint: profile.braze.endpoint, apiKey })
}

function failure(service: 'zendesk' | 'braze', name: string, error: unknown): ConnectionCheck {
  return {
    service,
    name,
    outcome: 'fail',
    reason: 'credentials',
    message: error instanceof Error ? error.message : String(error),
  }
}
