import { findNodeAtLocation, parseTree } from 'jsonc-parser'
import type { Problem } from '../../../shared/contract/problems'
import type { TriggerSendResult } from '../../../shared/contract/triggers'
import { isRecord } from '../../../shared/is-record'
import { loadBrazeUser } from '../braze/export-client'
import type { HttpClient } from '../net/http-request'
import { callJson } from '../net/json-call'
import { normalizeBrazeEndpoint } from '../vault/braze-endpoint'
import { templateLineAt } from './template-lines'

export interface BrazeTarget {
  endpoint: string
  apiKey: string
}

const TRACK_DOC = 'https://www.braze.com/docs/api/endpoints/user_data/post_user_track/'

/**
 * Sends a rendered trigger body to Braze `POST /users/track` as the Zendesk webhook would
 * (Bearer key, JSON), then reads the first identified user back through `/users/export/ids` to
 * show what landed. Braze answers 201 even when it skipped objects: an answer with `errors` is a
 * failure, each error placed at the template line of the object it names.
 */
export async function sendTriggerBody(
  http: HttpClient,
  target: BrazeTarget,
  template: string,
  body: string,
  renderProblems: Problem[],
): Promise<TriggerSendResult> {
  const endpoint = normalizeBrazeEndpoint(target.endpoint)
  const url = `${endpoint}/users/track`
  const result = await callJson(http, {
    method: 'POST',
    url,
    headers: [['authorization', `Bearer ${target.apiKey}`]],
    body,
    timeoutMs: 15_000,
  })
  const base = { url, profile: null, profileMessage: '', problems: renderProblems }
  if (result.kind === 'failed')
    return { ...base, ok: false, status: null, answer: '', message: result.failure.message }
  const answer = result.text
  const json = isRecord(result.json) ? result.json : {}
  const errors = Array.isArray(json.errors) ? json.errors.filter(isRecord) : []
  const problems = [
    ...renderProblems,
    ...errors.map((error) => errorProblem(error, template, body)),
  ]
  const ok = result.status >= 200 && result.status < 300 && errors.length === 0
  const said = typeof json.message === 'string' ? ` "${json.message}"` : ''
  const message = ok
    ? `Braze accepted the body (${result.status}${said}).`
    : result.status >= 200 && result.status < 300
      ? `Braze answered ${result.status}${said} but skipped ${errors.length} object(s): see the problems (${TRACK_DOC}).`
      : `Braze refused the body (${result.status}${said}).`
  const externalId = firstExternalId(body)
  if (!externalId)
    return {
      ...base,
      ok,
      status: result.status,
      answer,
      message,
      problems,
      profileMessage: 'The body names no external_id to read back.',
    }
  const exported = await loadBrazeUser(http, { endpoint, apiKey: target.apiKey, externalId })
  return {
    ...base,
    ok,
    status: result.status,
    answer,
    message,
    problems,
    profile: exported.ok ? exported.user : null,
    profileMessage: exported.ok
      ? `Read back "${externalId}" through /users/export/ids.`
      : exported.message,
  }
}

function errorProblem(error: Record<string, unknown>, template: string, body: string): Problem {
  const array = typeof error.input_array === 'string' ? error.input_array : null
  const index = typeof error.index === 'number' ? error.index : null
  const tree = parseTree(body)
  const node =
    tree && array !== null && index !== null ? findNodeAtLocation(tree, [array, index]) : undefined
  const where = array !== null && index !== null ? ` (${array}[${index}])` : ''
  return {
    severity: 'error',
    code: 'braze-skipped-object',
    message: `Braze skipped an object${where}: ${typeof error.type === 'string' ? error.type : JSON.stringify(error)}`,
    line: node ? templateLineAt(template, body, node.offset) : null,
    column: null,
    fix: `Fix the object Braze names; its rules are at ${TRACK_DOC}.`,
  }
}

function firstExternalId(body: string): string | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return null
  }
  if (!isRecord(parsed)) return null
  for (const name of ['attributes', 'events', 'purchases']) {
    const list = parsed[name]
    if (!Array.isArray(list)) continue
    for (const item of list) {
      if (isRecord(item) && typeof item.external_id === 'string' && item.external_id !== '')
        return item.external_id
    }
  }
  return null
}
