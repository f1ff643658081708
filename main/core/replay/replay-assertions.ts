import { isDeepStrictEqual } from 'node:util'
import type { AssertionRules, CaptureSetAssertions } from '../../../shared/contract/replay'
import { isRecord } from '../../../shared/is-record'
import { parsePathRule, type PathRule } from '../diff/ignore-rules'

/** The answer a replayed request got, as the assertions read it. */
export interface ReplayAnswer {
  status: number
  /** The body as text (UTF-8). */
  text: string
}

export const DEFAULT_RULES: Required<Pick<AssertionRules, 'status' | 'noErrors'>> = {
  status: '2xx',
  noErrors: true,
}

/**
 * A capture's rules: the set's defaults with the capture's own (by id or file name) on top.
 * By default every request must get a 2xx with no `errors` in Braze's answer.
 */
export function rulesFor(
  assertions: CaptureSetAssertions | AssertionRules | undefined,
  keys: ReadonlyArray<string | null>,
): AssertionRules {
  const { captures = {}, ...defaults }: Partial<CaptureSetAssertions> = assertions ?? {}
  const own = keys.map((key) => (key === null ? undefined : captures[key])).find(Boolean)
  return { ...DEFAULT_RULES, ...defaults, ...own }
}

/**
 * What is wrong with an answer, one message per failed rule. Braze's per-object errors are
 * spelled out with their place (`attributes[1]`): a 2xx with `errors` means those objects were
 * dropped (https://www.braze.com/docs/api/endpoints/user_data/post_user_track/).
 */
export function checkAnswer(rules: AssertionRules, answer: ReplayAnswer): string[] {
  const failures: string[] = []
  const status = rules.status ?? DEFAULT_RULES.status
  if (!statusMatches(status, answer.status)) {
    failures.push(
      `Expected status ${describeStatus(status)}, got ${answer.status}${brazeMessage(answer.text)}.`,
    )
  }
  const json = parse(answer.text)
  if (
    (rules.noErrors ?? DEFAULT_RULES.noErrors) &&
    isRecord(json) &&
    Array.isArray(json.errors) &&
    json.errors.length > 0
  ) {
    for (const error of json.errors) failures.push(`Braze refused ${describeBrazeError(error)}`)
  }
  for (const [path, expected] of Object.entries(rules.response ?? {})) {
    const actual = json === undefined ? undefined : valueAt(json, parsePathRule(path))
    if (!isDeepStrictEqual(actual, expected))
      failures.push(
        `Expected ${path} = ${JSON.stringify(expected)} in the answer, got ${actual === undefined ? 'nothing' : JSON.stringify(actual)}.`,
      )
  }
  return failures
}

function statusMatches(rule: NonNullable<AssertionRules['status']>, status: number): boolean {
  if (rule === '2xx') return status >= 200 && status < 300
  return Array.isArray(rule) ? rule.includes(status) : rule === status
}

function describeStatus(rule: NonNullable<AssertionRules['status']>): string {
  return Array.isArray(rule) ? rule.join(' or ') : String(rule)
}

function brazeMessage(text: string): string {
  const json = parse(text)
  return isRecord(json) && typeof json.message === 'string' ? ` ("${json.message}")` : ''
}

/** `attributes[1]: 'external_id' or 'braze_id' or 'user_alias' is required`. */
function describeBrazeError(error: unknown): string {
  if (!isRecord(error)) return JSON.stringify(error)
  const where =
    typeof error.input_array === 'string' && typeof error.index === 'number'
      ? `${error.input_array}[${error.index}]`
      : 'an object'
  const type = typeof error.type === 'string' ? error.type : JSON.stringify(error)
  return `${where}: ${type}`
}

/** The value at a plain path (keys and indexes; no wildcards). */
export function valueAt(document: unknown, path: PathRule): unknown {
  let at: unknown = document
  for (const step of path.steps) {
    if (step.kind === 'key' && isRecord(at) && Object.hasOwn(at, step.key)) at = at[step.key]
    else if (step.kind === 'index' && Array.isArray(at)) at = at[step.index]
    else return undefined
  }
  return at
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
