import { MarkupError, skipOutput } from './markup-template'

/**
 * The structure of `{% connected_content URL :option value … %}` (braze.md §2.3), read before
 * anything is rendered: `{{ … }}` inside a value may contain spaces, `:headers` takes a JSON
 * object over several lines, `:body` takes a form string or inline JSON.
 */

export interface Span {
  start: number
  end: number
}

export interface MarkupOption {
  name: string
  at: number
  value: Span | null
}

export interface ConnectedContentMarkup {
  url: Span
  options: MarkupOption[]
}

export const FLAG_OPTIONS = new Set(['retry', 'rerender', 'no_cache'])
export const VALUE_OPTIONS = new Set([
  'save',
  'method',
  'body',
  'headers',
  'content_type',
  'basic_auth',
  'cache_max_age',
  'cache',
])

const BLANK = /\s/

export function parseConnectedContentMarkup(
  input: string,
  start: number,
  end: number,
): ConnectedContentMarkup {
  let p = skipBlank(input, start, end)
  const url = readValue(input, p, end)
  if (url.end === url.start)
    throw new MarkupError('connected_content needs a URL: {% connected_content https://… %}.', p)
  p = url.end
  const options: MarkupOption[] = []
  for (;;) {
    p = skipBlank(input, p, end)
    if (p >= end) break
    if (input[p] !== ':') {
      throw new MarkupError(
        'Unexpected text in connected_content: options start with ":" (e.g. :save result).',
        p,
      )
    }
    const name = /^[A-Za-z_]+/.exec(input.slice(p + 1, end))?.[0] ?? ''
    const at = p
    p = skipBlank(input, p + 1 + name.length, end)
    const takesValue =
      VALUE_OPTIONS.has(name) || (!FLAG_OPTIONS.has(name) && p < end && input[p] !== ':')
    if (!takesValue) {
      options.push({ name, at, value: null })
      continue
    }
    const value =
      input[p] === '{' && input[p + 1] !== '{'
        ? readObject(input, p, end)
        : readValue(input, p, end)
    options.push({ name, at, value })
    p = value.end
  }
  return { url, options }
}

function skipBlank(input: string, p: number, end: number): number {
  while (p < end && BLANK.test(input[p] ?? '')) p++
  return p
}

/** A run of non-blank text; `{{ … }}` counts as one piece even with spaces inside. */
function readValue(input: string, start: number, end: number): Span {
  let p = start
  while (p < end && !BLANK.test(input[p] ?? '')) {
    p = input.startsWith('{{', p) ? skipOutput(input, p, end) : p + 1
  }
  return { start, end: p }
}

/** A balanced `{ … }` (JSON), quotes and `{{ … }}` respected. */
function readObject(input: string, start: number, end: number): Span {
  let depth = 0
  let p = start
  while (p < end) {
    if (input.startsWith('{{', p)) {
      p = skipOutput(input, p, end)
      continue
    }
    const c = input[p]
    if (c === '"') {
      p++
      while (p < end && input[p] !== '"') p += input[p] === '\\' ? 2 : 1
    } else if (c === '{') depth++
    else if (c === '}') {
      depth--
      if (depth === 0) return { start, end: p + 1 }
    }
    p++
  }
  throw new MarkupError('This JSON object is not closed with "}".', start)
}
