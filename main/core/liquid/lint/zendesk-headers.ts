import type { Problem } from '../../../../shared/contract/problems'
import { API_TOKEN_TIMELINE } from '../../../../shared/zendesk/api-token-retirement'
import { problemAt } from '../problem'
import { findPlaceholders } from './placeholders'

/**
 * The rendered request headers of a Zendesk call: the Authorization scheme Zendesk still
 * accepts (zendesk.md §1.1–§1.2) and the Content-Type Braze otherwise guesses (braze.md §3.1).
 */
export function zendeskHeaderProblems(headers: Record<string, string>, now: Date): Problem[] {
  const problems: Problem[] = []
  const named = (name: string) =>
    Object.entries(headers).find(([key]) => key.toLowerCase() === name)
  const header = (
    code: string,
    severity: Problem['severity'],
    name: string,
    message: string,
    fix: string,
  ) => problems.push({ ...problemAt(severity, code, null, message, fix), source: `header:${name}` })

  const auth = named('authorization')
  if (!auth) {
    header(
      'zendesk-auth-missing',
      'error',
      'Authorization',
      'There is no Authorization header: Zendesk answers 401 "Couldn\'t authenticate you".',
      "Add Authorization: Bearer <OAuth access token> (or, until April 2027, Basic {{ 'agent@example.com/token:API_TOKEN' | base64_encode }}).",
    )
  } else {
    authorizationProblems(auth[0], auth[1].trim(), now, header)
  }
  const contentType = named('content-type')
  if (!contentType || !/json/i.test(contentType[1])) {
    header(
      'content-type',
      'warning',
      contentType?.[0] ?? 'Content-Type',
      contentType
        ? `Content-Type is "${contentType[1]}", but the ticket body is JSON.`
        : 'There is no Content-Type header: Braze then guesses it from the body.',
      'Add Content-Type: application/json.',
    )
  }
  return problems
}

type Report = (
  code: string,
  severity: Problem['severity'],
  name: string,
  message: string,
  fix: string,
) => void

function authorizationProblems(name: string, value: string, now: Date, report: Report): void {
  const placeholder = findPlaceholders(value, false)[0]
  if (placeholder) {
    report(
      'placeholder',
      'error',
      name,
      `The Authorization header still holds the placeholder ${placeholder.text}.`,
      'Put the real credentials in, or reference them with Liquid.',
    )
    return
  }
  const basic = /^Basic\s+(\S*)$/i.exec(value)
  if (!basic) {
    if (!/^Bearer\s+\S+/i.test(value)) {
      report(
        'zendesk-auth-scheme',
        'error',
        name,
        'Authorization must be "Bearer <OAuth token>" or "Basic <base64>" for Zendesk.',
        'Use an OAuth access token: Authorization: Bearer <token>.',
      )
    }
    return
  }
  const encoded = basic[1] ?? ''
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(encoded)
    ? Buffer.from(encoded, 'base64').toString('utf8')
    : ''
  const placeholderInside = findPlaceholders(decoded, false)[0]
  if (placeholderInside) {
    report(
      'placeholder',
      'error',
      name,
      `The Basic credentials decode to "${decoded}", which still holds the placeholder ${placeholderInside.text}.`,
      'Replace the placeholders with the agent email and API token.',
    )
    return
  }
  if (!decoded.includes(':')) {
    report(
      'zendesk-auth-basic',
      'error',
      name,
      'The Basic credentials are not base64 of "email/token:API_TOKEN".',
      "Build them with {{ 'agent@example.com/token:API_TOKEN' | base64_encode }}.",
    )
    return
  }
  if (/^[^:]+\/token:/.test(decoded)) {
    const noNew = new Date(`${API_TOKEN_TIMELINE.noNewTokensFrom}T00:00:00Z`)
    const dead = new Date(`${API_TOKEN_TIMELINE.allTokensDeadOn}T00:00:00Z`)
    const phase =
      now >= dead
        ? `stopped working on ${API_TOKEN_TIMELINE.allTokensDeadOn}: Zendesk answers 401`
        : now >= noNew
          ? `can no longer be created (since ${API_TOKEN_TIMELINE.noNewTokensFrom}) and all stop working on ${API_TOKEN_TIMELINE.allTokensDeadOn}`
          : `are being retired: no new tokens from ${API_TOKEN_TIMELINE.noNewTokensFrom}, and all stop working on ${API_TOKEN_TIMELINE.allTokensDeadOn}`
    report(
      'zendesk-api-token',
      now >= dead ? 'error' : 'warning',
      name,
      `This header uses a Zendesk API token (email/token:…). API tokens ${phase} (https://developer.zendesk.com/api-reference/introduction/security-and-auth/).`,
      'Move this integration to OAuth and send Authorization: Bearer <access token>.',
    )
    return
  }
  report(
    'zendesk-password-auth',
    'error',
    name,
    'These are email:password credentials; Zendesk removed password access to the API on 2025-12-31.',
    'Use OAuth (Authorization: Bearer <access token>).',
  )
}
