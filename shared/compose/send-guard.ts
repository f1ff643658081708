import type { ApiClient } from '../contract'
import type { ComposeRenderInput, SendAuthorization } from '../contract/compose'
import type { Problem } from '../contract/problems'
import type { ProfileView } from '../contract/profiles'

/**
 * The confirmations before a test send or a cleanup touches a real Zendesk account. The Sandbox
 * is skipped: nothing there is anyone's data.
 */

/** What the guards read of a profile: is it the Sandbox, and which account it is. */
export interface GuardedProfile {
  builtIn: ProfileView['builtIn']
  name: ProfileView['name']
  zendesk: Pick<ProfileView['zendesk'], 'baseUrl'>
}

/** "Acme (acme.zendesk.com)": the account a real send or delete lands in. */
export function accountName(profile: Pick<GuardedProfile, 'name' | 'zendesk'>): string {
  let host = profile.zendesk.baseUrl
  try {
    host = new URL(profile.zendesk.baseUrl).host
  } catch {
    // A profile saved with an odd URL still gets named by what it holds.
  }
  return `${profile.name} (${host})`
}

export function needsConfirmation(profile: Pick<GuardedProfile, 'builtIn'>): boolean {
  return !profile.builtIn
}

/** Names the count and the first error, so the person confirming knows what goes out. */
export function lintErrorsQuestion(errors: readonly Problem[], account: string): string {
  const first = errors[0]
  const where = first?.line ? ` (line ${first.line})` : ''
  const count = `${errors.length} lint error${errors.length === 1 ? '' : 's'}`
  const what = first ? `, first${where}: ${first.message.replace(/\.$/, '')}` : ''
  return `The request has ${count}${what}. It would be created in ${account} as it is.`
}

export function cleanupQuestion(count: number, account: string): string {
  return `Delete ${count} test ticket${count === 1 ? '' : 's'} from ${account}?`
}

/**
 * Before a test send: the question to put to the user, or null when none is needed (the
 * Sandbox, or a request with no lint errors). It is linted as a Zendesk ticket whatever the
 * screen lints for, since that is what the account receives — and when the profile's
 * credentials replace the template's Authorization header, that header's problems do not go out.
 */
export async function realSendQuestion(
  api: Pick<ApiClient, 'compose'>,
  profile: GuardedProfile,
  request: Omit<ComposeRenderInput, 'target'>,
  authorization?: SendAuthorization,
): Promise<string | null> {
  if (!needsConfirmation(profile)) return null
  const lint = await api.compose.render({ ...request, target: 'zendesk-ticket' })
  const replaced = (authorization ?? lint.authorization.suggested) === 'profile'
  const errors = lint.problems.filter(
    (p) =>
      p.severity === 'error' && !(replaced && p.source?.toLowerCase() === 'header:authorization'),
  )
  return errors.length === 0 ? null : lintErrorsQuestion(errors, accountName(profile))
}
