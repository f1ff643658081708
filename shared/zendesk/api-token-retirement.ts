/** Zendesk's API-token retirement timeline (zendesk.md §1.2). */
export const API_TOKEN_TIMELINE = {
  noNewTokensFrom: '2026-10-27',
  allTokensDeadOn: '2027-04-30',
} as const

export function apiTokenRetirementWarning(today: Date): string {
  const dead = new Date(`${API_TOKEN_TIMELINE.allTokensDeadOn}T00:00:00Z`)
  const days = Math.ceil((dead.getTime() - today.getTime()) / 86_400_000)
  const countdown = days > 0 ? `in ${days} day${days === 1 ? '' : 's'}` : 'already'
  return (
    `Zendesk is retiring API tokens: no new tokens since ${API_TOKEN_TIMELINE.noNewTokensFrom}, ` +
    `and every token stops working on ${API_TOKEN_TIMELINE.allTokensDeadOn} (${countdown}). ` +
    'Switch this profile to OAuth (authorization code with PKCE, or client credentials).'
  )
}
