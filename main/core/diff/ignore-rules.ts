import type { ResolvedDiffOptions } from '../../../shared/contract/diffs'
import { HOP_BY_HOP_HEADERS } from '../net/hop-by-hop'

/**
 * What a diff leaves out by default: parts of a message that differ on every send without
 * anything being wrong. They are still shown (marked ignored) so nothing is hidden.
 */

/** Hop-by-hop headers and Host: rewritten by every proxy and tunnel. */
export const CONNECTION_HEADERS = [...HOP_BY_HOP_HEADERS, 'host']

/** Headers that change per request: signatures, timestamps, request and trace ids, lengths. */
export const DEFAULT_IGNORED_HEADERS = [
  ...CONNECTION_HEADERS,
  'content-length',
  'date',
  'x-zendesk-webhook-signature',
  'x-zendesk-webhook-signature-timestamp',
  'x-zendesk-webhook-invocation-id',
  'x-request-id',
  'x-amzn-trace-id',
  'traceparent',
  'tracestate',
  'cf-ray',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-real-ip',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-runtime',
]

/** Body fields that are timestamps or per-send ids, at any depth (and an event envelope's id). */
export const DEFAULT_IGNORED_PATHS = [
  '**.time',
  '**.timestamp',
  '**.created_at',
  '**.updated_at',
  '**.generated_timestamp',
  '**.sent_at',
  '**.received_at',
  '**.dispatch_id',
  '**.request_id',
  '**.invocation_id',
  'id',
]

/** One step of a path pattern: a key, an index, `*` (any one step) or `**` (any steps). */
type Step =
  { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'any' | 'deep' }

export interface PathRule {
  text: string
  steps: Step[]
}

export class InvalidJsonPathError extends Error {
  constructor(pattern: string, why: string) {
    super(
      `The JSON path "${pattern}" cannot be read: ${why}. Write it as a JSON path such as events[*].time or **.updated_at.`,
    )
    this.name = 'InvalidJsonPathError'
  }
}

/** Reads `events[*].time`, `**.updated_at`, `properties["my key"]`, `*.id`. */
export function parsePathRule(text: string): PathRule {
  const steps: Step[] = []
  let i = 0
  const fail = (why: string): never => {
    throw new InvalidJsonPathError(text, why)
  }
  while (i < text.length) {
    const char = text[i]
    if (char === '.') {
      if (steps.length === 0 || i === text.length - 1) fail(`a "." at position ${i + 1}`)
      i++
      continue
    }
    if (char === '[') {
      const close = bracketEnd(text, i)
      if (close < 0) fail(`an unclosed "[" at position ${i + 1}`)
      steps.push(bracketStep(text.slice(i + 1, close), fail))
      i = close + 1
      continue
    }
    let end = i
    while (end < text.length && text[end] !== '.' && text[end] !== '[') end++
    const word = text.slice(i, end)
    steps.push(
      word === '**'
        ? { kind: 'deep' }
        : word === '*'
          ? { kind: 'any' }
          : { kind: 'key', key: word },
    )
    i = end
  }
  if (steps.length === 0) fail('it is empty')
  return { text, steps }
}

function bracketEnd(text: string, open: number): number {
  if (text[open + 1] !== '"') return text.indexOf(']', open)
  for (let i = open + 2; i < text.length; i++) {
    if (text[i] === '\\') i++
    else if (text[i] === '"') return text[i + 1] === ']' ? i + 1 : -1
  }
  return -1
}

function bracketStep(inner: string, fail: (why: string) => never): Step {
  if (inner === '*') return { kind: 'any' }
  if (/^\d+$/.test(inner)) return { kind: 'index', index: Number(inner) }
  if (inner.startsWith('"')) {
    try {
      return { kind: 'key', key: JSON.parse(inner) as string }
    } catch {
      return fail(`${inner} is not a quoted key`)
    }
  }
  return fail(`[${inner}] is neither an index, * nor a quoted key`)
}

/**
 * Matches paths step by step while a document is walked: `start()` at the root, `step()` per
 * key or index, `matched()` when some rule ends here. The state is a set of (rule, position)
 * pairs, as a glob matcher keeps it; an empty state means nothing below can match.
 */
export class PathMatcher {
  // A document repeats the same few states under the same keys: each state (interned, so equal
  // states are one array) remembers where each key takes it and which rule ends there.
  private readonly interned = new Map<string, readonly number[]>()
  private readonly transitions = new WeakMap<
    readonly number[],
    Map<string | number, readonly number[]>
  >()
  private readonly ends = new WeakMap<readonly number[], PathRule | null>()
  /** Without an index rule every array index steps alike. */
  private readonly anyIndex: boolean

  constructor(readonly rules: readonly PathRule[]) {
    this.anyIndex = !rules.some((rule) => rule.steps.some((step) => step.kind === 'index'))
  }

  start(): readonly number[] {
    return this.intern(this.close(this.rules.map((_, r) => pack(r, 0))))
  }

  step(state: readonly number[], segment: string | number): readonly number[] {
    const key = this.anyIndex && typeof segment === 'number' ? -1 : segment
    let known = this.transitions.get(state)
    if (!known) {
      known = new Map()
      this.transitions.set(state, known)
    }
    let next = known.get(key)
    if (!next) {
      next = this.intern(this.advance(state, segment))
      known.set(key, next)
    }
    return next
  }

  /** The rule that ends at this state, if any. */
  matched(state: readonly number[]): PathRule | undefined {
    let rule = this.ends.get(state)
    if (rule === undefined) {
      rule = this.ruleEndingAt(state) ?? null
      this.ends.set(state, rule)
    }
    return rule ?? undefined
  }

  private intern(state: number[]): readonly number[] {
    const key = state.sort((a, b) => a - b).join(',')
    const known = this.interned.get(key)
    if (known) return known
    this.interned.set(key, state)
    return state
  }

  private advance(state: readonly number[], segment: string | number): number[] {
    const next: number[] = []
    for (const packed of state) {
      const [r, at] = unpack(packed)
      const step = this.rules[r]?.steps[at]
      if (!step) continue
      if (step.kind === 'deep') next.push(packed)
      else if (matchesStep(step, segment)) next.push(pack(r, at + 1))
    }
    return this.close(next)
  }

  private ruleEndingAt(state: readonly number[]): PathRule | undefined {
    for (const packed of state) {
      const [r, at] = unpack(packed)
      const rule = this.rules[r]
      if (rule && at === rule.steps.length) return rule
    }
    return undefined
  }

  /** `**` may match no step at all: a state before it is also a state after it. */
  private close(state: number[]): number[] {
    const seen = new Set<number>()
    const queue = [...state]
    while (queue.length > 0) {
      const packed = queue.pop() as number
      if (seen.has(packed)) continue
      seen.add(packed)
      const [r, at] = unpack(packed)
      if (this.rules[r]?.steps[at]?.kind === 'deep') queue.push(pack(r, at + 1))
    }
    return [...seen]
  }
}

const POSITIONS = 1024

function pack(rule: number, at: number): number {
  return rule * POSITIONS + at
}

function unpack(packed: number): [number, number] {
  return [Math.floor(packed / POSITIONS), packed % POSITIONS]
}

function matchesStep(step: Step, segment: string | number): boolean {
  switch (step.kind) {
    case 'any':
      return true
    case 'key':
      return typeof segment === 'string' && segment === step.key
    case 'index':
      return segment === step.index
    case 'deep':
      return true
  }
}

/** The path rules and header names a diff ignores, from its options. */
export function ignoreRules(options: ResolvedDiffOptions): {
  paths: PathMatcher
  headers: ReadonlySet<string>
} {
  const pathTexts = [
    ...(options.useDefaultIgnores ? DEFAULT_IGNORED_PATHS : []),
    ...options.ignorePaths,
  ]
  const headerNames = [
    ...(options.useDefaultIgnores ? DEFAULT_IGNORED_HEADERS : []),
    ...options.ignoreHeaders,
  ]
  return {
    paths: new PathMatcher(pathTexts.map(parsePathRule)),
    headers: new Set(headerNames.map((name) => name.toLowerCase())),
  }
}
