import type { CannedResponse } from '../../../../shared/contract'

/**
 * A URL shown masked (a key in its query string) cannot be matched as shown; the engine also
 * matches a URL without its query string, so the response is keyed by that instead.
 */
export function cannedKey(url: string): string {
  return url.includes('••••') ? (url.split('?')[0] ?? url) : url
}

/** Pasted text → canned responses: JSON when it parses, the text as is otherwise. */
export function cannedResponses(canned: Record<string, string>): Record<string, CannedResponse> {
  const responses: Record<string, CannedResponse> = {}
  for (const [url, text] of Object.entries(canned)) {
    if (text.trim() === '') continue
    responses[url] = { status: 200, body: parseLoosely(text) }
  }
  return responses
}

function parseLoosely(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}
