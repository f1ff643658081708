import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser'
import type { TextPlaceView, TrackLintProblem } from '../../../../shared/braze/track-lint-problem'
import {
  DEFAULT_TRACK_OBJECT_LIMIT,
  TRACK_MAX_BODY_BYTES,
  type TrackObjectLimit,
} from '../../../../shared/braze/track-limits'
import { isRecord } from '../../../../shared/is-record'
import { JsonLocator, maskLiquid, type TextPlace } from '../../../../shared/json-locate'
import { jsonPath, jsonPointer } from '../../../../shared/json-path'
import { suspiciousValues, type Finding } from './track-suspicious'
import { checkTrackBody } from './track-validation'

export type { TrackLintProblem } from '../../../../shared/braze/track-lint-problem'

/** A place in the linted body, as a template source map is asked about it. */
export interface BodyPlace {
  /** RFC 6901 pointer of the value (`/events/0/time`). */
  pointer: string
  segments: ReadonlyArray<string | number>
  /** Where the value (an object member's key) starts in the body text; null if not found. */
  at: TextPlace | null
}

/**
 * Maps a place in the rendered body back to the template that produced it: a renderer that
 * tracks output offsets answers from `at.offset`; jsonTemplateSourceMap answers from the JSON
 * structure. Null when the template has no such place.
 */
export type TemplateSourceMap = (place: BodyPlace) => TextPlaceView | null

export interface TrackLintOptions {
  /** The workspace's object limit: 75 across the arrays (default), 75 per array, or 50. */
  objects?: TrackObjectLimit
  /** Problems block instead of warning: `blocked` is true when there is any problem. */
  strict?: boolean
  /** Where each problem is in the template the body came from (trigger body, transform). */
  sourceMap?: TemplateSourceMap | null
}

export interface TrackLint {
  /** Sorted by their place in the body. */
  problems: TrackLintProblem[]
  /** Strict mode and at least one problem. */
  blocked: boolean
}

/**
 * The pre-flight lint of a `/users/track` body: what Braze would refuse or skip (missing
 * identifiers, more objects than the limit, bad event `time`, reserved and `$` property keys…),
 * the 4 MB body cap, and values that land but not as meant — `"true"` strings, Zendesk's display
 * strings (`Solved`), an `external_id` an empty placeholder left blank
 * (https://www.braze.com/docs/api/endpoints/user_data/post_user_track/).
 *
 * `lintTrackBody(body: string | Uint8Array, { objects?, strict?, sourceMap? }) → { problems,
 * blocked }`. Bytes are checked as sent (size, UTF-8); each problem has `code`, `severity`
 * (`error` = Braze refuses or skips, `warning` = lands not as meant), `message`, `fix`, the JSON
 * `pointer` and readable `path`, `at` (1-based line/column in the body, null when not found) and
 * `templateAt` (from `sourceMap`, else null). Never throws for any input.
 */
export function lintTrackBody(
  body: string | Uint8Array,
  options: TrackLintOptions = {},
): TrackLint {
  const problems = lintProblems(body, options)
  return { problems, blocked: options.strict === true && problems.length > 0 }
}

/**
 * A source map that finds a body place at the same JSON path in a JSON-shaped Liquid template
 * (a Zendesk trigger body): a path the template writes literally, or its nearest ancestor for
 * what a `{% for %}` writes.
 */
export function jsonTemplateSourceMap(template: string): TemplateSourceMap {
  const locator = new JsonLocator(maskLiquid(template))
  return (place) => strip(locator.locate(place.segments, true))
}

function lintProblems(body: string | Uint8Array, options: TrackLintOptions): TrackLintProblem[] {
  const decoded = decode(body)
  if (!decoded.ok) return [decoded.problem]
  const text = decoded.text
  const locator = new JsonLocator(text)
  const sourceMap = options.sourceMap ?? null
  const place = (segments: ReadonlyArray<string | number>) => {
    const at = locator.locate(segments, true)
    const pointer = jsonPointer(segments)
    return {
      pointer,
      path: jsonPath(segments),
      at: strip(at),
      templateAt: sourceMap ? sourceMap({ pointer, segments, at }) : null,
    }
  }
  const problems: TrackLintProblem[] = []
  if (decoded.size > TRACK_MAX_BODY_BYTES) {
    problems.push({
      code: 'body-too-large',
      severity: 'error',
      message: `The body is ${(decoded.size / 1024 / 1024).toFixed(1)} MB; Braze refuses /users/track bodies over 4 MB.`,
      fix: 'Send fewer or smaller objects per request.',
      ...place([]),
    })
  }
  const parsed = parseStrict(text)
  if (!parsed.ok) {
    const at = locator.place(parsed.error.offset)
    problems.push({
      code: 'invalid-json',
      severity: 'error',
      message: `The body is not valid JSON (${printParseErrorCode(parsed.error.error)} at line ${at.line}, column ${at.column}); Braze answers 400.`,
      fix: 'Fix the JSON: often a placeholder rendered a quote or a line break, or nothing where a value belongs.',
      pointer: '',
      path: '',
      at: strip(at),
      templateAt: sourceMap ? sourceMap({ pointer: '', segments: [], at }) : null,
    })
    return problems
  }

  const findings = new Map<string, Finding>()
  for (const finding of suspiciousValues(parsed.value)) findings.set(keyOf(finding), finding)
  const objects = options.objects ?? DEFAULT_TRACK_OBJECT_LIMIT
  for (const problem of checkTrackBody(parsed.value, { objects }).problems) {
    const empty = emptyExternalId(parsed.value, problem.segments)
    if (problem.code === 'identifier-required' && empty) {
      const { segments, ...rest } = empty
      findings.delete(keyOf(empty))
      problems.push({ ...rest, ...place(segments) })
      continue
    }
    const key = `${problem.path}\u0000${problem.code}`
    const finding = findings.get(key)
    findings.delete(key)
    problems.push({
      code: problem.code,
      severity: problem.effect === 'value' ? 'warning' : 'error',
      message:
        problem.effect === 'object'
          ? `Braze skips this object: ${problem.message}`
          : problem.message,
      fix: finding?.fix ?? problem.fix,
      ...place(problem.segments),
    })
  }
  for (const finding of findings.values()) {
    const { segments, ...rest } = finding
    problems.push({ ...rest, ...place(segments) })
  }
  return problems.sort(
    (a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0),
  )
}

function decode(
  body: string | Uint8Array,
): { ok: true; text: string; size: number } | { ok: false; problem: TrackLintProblem } {
  if (typeof body === 'string') return { ok: true, text: body, size: Buffer.byteLength(body) }
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true }).decode(body),
      size: body.byteLength,
    }
  } catch {
    return {
      ok: false,
      problem: {
        code: 'invalid-utf8',
        severity: 'error',
        message: 'The body is not valid UTF-8; Braze reads JSON as UTF-8 and answers 400.',
        fix: 'Send the body encoded as UTF-8.',
        pointer: '',
        path: '',
        at: null,
        templateAt: null,
      },
    }
  }
}

function keyOf(finding: Finding): string {
  return `${jsonPath(finding.segments)}\u0000${finding.code}`
}

/**
 * An object Braze skips for want of an identifier, whose `external_id` is there but empty: a
 * placeholder that rendered nothing (Zendesk renders a missing value as an empty string).
 */
function emptyExternalId(
  body: unknown,
  segments: ReadonlyArray<string | number>,
): (Finding & { segments: Array<string | number> }) | null {
  const [array, index] = segments
  if (!isRecord(body) || typeof array !== 'string' || typeof index !== 'number') return null
  const list = body[array]
  const object: unknown = Array.isArray(list) ? list[index] : undefined
  if (!isRecord(object) || typeof object.external_id !== 'string') return null
  if (object.external_id.trim() !== '') return null
  return {
    code: 'empty-external-id',
    severity: 'error',
    message:
      "external_id is empty, so Braze skips this object ('external_id', 'braze_id', 'user_alias', 'email' or 'phone' is required): the placeholder that fills it rendered nothing.",
    fix: 'Check the placeholder (for example {{ticket.requester.external_id}}): the requester has no external id. Set it in Zendesk, or identify the user another way (email).',
    segments: [array, index, 'external_id'],
  }
}

/** Strict JSON (no comments, no trailing commas), as Braze reads it. */
function parseStrict(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: ParseError } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    const errors: ParseError[] = []
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false })
    const error = errors[0] ?? { error: 4 /* ValueExpected */, offset: 0, length: 0 }
    return { ok: false, error }
  }
}

function strip(place: TextPlace | null): TextPlaceView | null {
  return place ? { line: place.line, column: place.column } : null
}
