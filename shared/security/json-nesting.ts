/**
 * One guard against JSON nested so deep that the code reading it runs out of stack. JSON.parse
 * itself copes, but parse trees, JSON.stringify, structuredClone, zod, oRPC's serializer and
 * Liquid all recurse once per level: 200,000 `[` stop them with "Maximum call stack size
 * exceeded". Real data is nowhere near the limit: Braze exports and Zendesk tickets nest a
 * handful of levels.
 */
export const MAX_JSON_DEPTH = 256

export interface TextPosition {
  offset: number
  /** 1-based. */
  line: number
  /** 1-based, in UTF-16 code units. */
  column: number
}

/** "nested too deeply (more than 256 levels of arrays and objects)", for any message. */
export function nestedTooDeeply(limit: number = MAX_JSON_DEPTH): string {
  return `nested too deeply (more than ${limit} levels of arrays and objects)`
}

/** Text or data nested deeper than the limit; `where` is "line L, column C" or a field path. */
export class JsonTooDeepError extends Error {
  constructor(
    readonly where: string,
    readonly limit: number = MAX_JSON_DEPTH,
  ) {
    super(`${nestedTooDeeply(limit)} at ${where}`)
    this.name = 'JsonTooDeepError'
  }
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const SLASH = 0x2f
const STAR = 0x2a
const OPEN = new Set([0x5b, 0x7b])
const CLOSE = new Set([0x5d, 0x7d])

/**
 * Where JSON text first opens more than `limit` arrays/objects, without recursing and without
 * parsing: brackets inside strings and comments do not count. Strings end at a line break as
 * jsonc-parser ends them, so nothing a lenient parser would nest is skipped. Linear time.
 */
export function findTooDeepJson(
  text: string,
  limit: number = MAX_JSON_DEPTH,
): TextPosition | undefined {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) i = stringEnd(text, i)
    else if (c === SLASH && text.charCodeAt(i + 1) === SLASH) i = lineEnd(text, i)
    else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const end = text.indexOf('*/', i + 2)
      i = end < 0 ? text.length : end + 1
    } else if (OPEN.has(c)) {
      if (++depth > limit) return positionAt(text, i)
    } else if (CLOSE.has(c) && depth > 0) depth--
  }
  return undefined
}

/** Throws JsonTooDeepError ("… at line L, column C") when `findTooDeepJson` finds a place. */
export function assertJsonDepth(text: string, limit: number = MAX_JSON_DEPTH): void {
  const at = findTooDeepJson(text, limit)
  if (at) throw new JsonTooDeepError(`line ${at.line}, column ${at.column}`, limit)
}

/**
 * The path to the first array/object of parsed data that sits more than `limit` levels deep,
 * found without recursion (the data may be 200,000 levels deep); undefined when none does.
 */
export function findTooDeepValue(
  value: unknown,
  limit: number = MAX_JSON_DEPTH,
): Array<string | number> | undefined {
  interface Visit {
    value: unknown
    depth: number
    key: string | number
    parent: Visit | undefined
  }
  if (!isContainer(value)) return undefined
  const pending: Visit[] = [{ value, depth: 1, key: '', parent: undefined }]
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    if (visit.depth > limit) return pathOf(visit)
    const container = visit.value as Record<string, unknown>
    const keys = Array.isArray(container) ? container.keys() : Object.keys(container)
    for (const key of keys) {
      const child = container[key]
      // Only arrays and objects are queued: wide data of scalars costs one look per value.
      if (isContainer(child)) {
        pending.push({ value: child, depth: visit.depth + 1, key, parent: visit })
      }
    }
  }
  return undefined

  function pathOf(visit: Visit): Array<string | number> {
    const path: Array<string | number> = []
    for (let at: Visit | undefined = visit; at?.parent; at = at.parent) path.push(at.key)
    return path.reverse()
  }
}

/** Throws JsonTooDeepError naming the field path (shortened) when `findTooDeepValue` finds one. */
export function assertValueDepth(value: unknown, limit: number = MAX_JSON_DEPTH): void {
  const path = findTooDeepValue(value, limit)
  if (!path) return
  const shown = path.length > 6 ? [...path.slice(0, 5), '…'] : path
  throw new JsonTooDeepError(path.length ? shown.join('.') : 'the top level', limit)
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object'
}

function stringEnd(text: string, quote: number): number {
  for (let i = quote + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === BACKSLASH) i++
    else if (c === QUOTE) return i
    else if (c === 0x0a || c === 0x0d) return i - 1
  }
  return text.length
}

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a || c === 0x0d) return i
  }
  return text.length
}

function positionAt(text: string, offset: number): TextPosition {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { offset, line, column: offset - lineStart + 1 }
}
