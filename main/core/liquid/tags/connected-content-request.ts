import type { CannedResponse, ConnectedContentOptions } from '../../../../shared/contract/compose'
import { findPlaceholders } from '../lint/placeholders'
import type { InboundResponse, OutboundRequest } from '../runtime'

/** Turning rendered connected_content options into the request Braze would send (§2.3). */

export interface Finding {
  severity: 'error' | 'warning' | 'info'
  code: string
  message: string
  fix: string
}

export interface RequestPlan {
  options: ConnectedContentOptions
  request: OutboundRequest
  findings: Finding[]
}

export function planRequest(url: string, rendered: Map<string, string | null>): RequestPlan {
  const findings: Finding[] = []
  const text = (name: string) => rendered.get(name)?.trim() || null
  const methodText = (text('method') ?? 'get').toUpperCase()
  if (methodText !== 'GET' && methodText !== 'POST') {
    findings.push({
      severity: 'error',
      code: 'connected-content-method',
      message: `Connected Content supports only GET and POST, not ${methodText}.`,
      fix: 'Use :method post, or leave :method out for GET.',
    })
  }
  const method = methodText === 'POST' ? 'POST' : 'GET'
  const contentType = text('content_type')
  const headers: Record<string, string> = {
    'Content-Type': method === 'POST' ? 'application/x-www-form-urlencoded' : 'application/json',
    Accept: '*/*',
  }
  if (contentType) Object.assign(headers, { 'Content-Type': contentType, Accept: contentType })
  const headerText = text('headers')
  if (headerText) Object.assign(headers, parseHeaders(headerText, findings))
  const cacheText = text('cache_max_age') ?? text('cache')
  const cacheMaxAge = cacheText === null ? null : Number(cacheText)
  if (cacheMaxAge !== null && !(cacheMaxAge >= 300 && cacheMaxAge <= 14_400)) {
    findings.push({
      severity: 'warning',
      code: 'connected-content-cache',
      message: `:cache_max_age ${cacheText} is outside Braze's range of 300 to 14400 seconds.`,
      fix: 'Use a value between 300 (5 minutes) and 14400 (4 hours).',
    })
  }
  const body = jsonEncodeForm(text('body'), contentType)
  checkUrl(url, findings)
  const placeholder = findPlaceholders(
    [url, ...Object.values(headers), body ?? ''].join('\n'),
    false,
  )[0]
  if (placeholder) {
    findings.push({
      severity: 'warning',
      code: 'placeholder',
      message: `This Connected Content call still holds the placeholder ${placeholder.text}.`,
      fix: `Replace ${placeholder.text} with the real value before sending.`,
    })
  }
  const options: ConnectedContentOptions = {
    method,
    save: text('save'),
    headers,
    body,
    contentType,
    basicAuth: text('basic_auth'),
    cacheMaxAge: cacheMaxAge !== null && Number.isFinite(cacheMaxAge) ? cacheMaxAge : null,
    noCache: rendered.has('no_cache'),
    retry: rendered.has('retry'),
    rerender: rendered.has('rerender'),
  }
  return {
    options,
    request: { url, method, headers, body: method === 'POST' ? body : null },
    findings,
  }
}

function parseHeaders(text: string, findings: Finding[]): Record<string, string> {
  try {
    const parsed = JSON.parse(text) as unknown
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.fromEntries(
        Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      )
    }
  } catch {
    // reported below
  }
  findings.push({
    severity: 'error',
    code: 'connected-content-headers',
    message: ':headers must be a JSON object such as { "Authorization": "Bearer …" }.',
    fix: 'Check the quotes and commas of the :headers object.',
  })
  return {}
}

/** "A form-style body with :content_type application/json is JSON-encoded automatically." */
function jsonEncodeForm(body: string | null, contentType: string | null): string | null {
  if (
    body === null ||
    !contentType?.includes('json') ||
    /^\s*[[{]/.test(body) ||
    !body.includes('=')
  )
    return body
  const pairs = body.split('&').map((pair) => {
    const at = pair.indexOf('=')
    return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)]
  })
  return JSON.stringify(Object.fromEntries(pairs))
}

function checkUrl(url: string, findings: Finding[]): void {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    findings.push({
      severity: 'warning',
      code: 'connected-content-url',
      message: `"${url}" is not a complete URL, so Braze cannot call it.`,
      fix: 'Start the URL with https:// (check that every Liquid value in it renders).',
    })
    return
  }
  if (parsed.port !== '' && parsed.port !== '80' && parsed.port !== '443') {
    findings.push({
      severity: 'warning',
      code: 'connected-content-port',
      message: `Braze only calls ports 80 and 443; port ${parsed.port} would fail when sent.`,
      fix: 'Serve the endpoint on port 443 (https) or 80.',
    })
  }
}

/** A canned response for the URL, or for the URL without its query string. */
export function cannedFor(
  url: string,
  responses: Record<string, CannedResponse>,
): InboundResponse | undefined {
  const canned = responses[url] ?? responses[url.split('?')[0] ?? url]
  if (!canned) return undefined
  const body = typeof canned.body === 'string' ? canned.body : JSON.stringify(canned.body ?? null)
  return { status: canned.status ?? 200, headers: canned.headers ?? {}, body }
}

/** JSON responses become data; an object also gets `__http_status_code__` (braze.md §2.3). */
export function parseResponse(response: InboundResponse): { json: unknown; isJson: boolean } {
  try {
    const json = JSON.parse(response.body) as unknown
    if (json && typeof json === 'object' && !Array.isArray(json)) {
      return { json: { ...json, __http_status_code__: response.status }, isJson: true }
    }
    return { json, isJson: true }
  } catch {
    return { json: undefined, isJson: false }
  }
}
