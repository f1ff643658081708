import type { Node, ParseError } from 'jsonc-parser'
import type { Problem } from '../../../../shared/contract/problems'
import { findTooDeepJson, nestedTooDeeply } from '../../../../shared/security/json-nesting'
import { problemAt } from '../problem'
import { jsonSyntaxProblem, parseJson } from './json-syntax'
import { unsafeValuesInStrings, type UnsafeValue } from './json-strings'
import type { MaskedOutput } from './output-shape'

/** What any JSON body's lint finds, and what a target's own checks read on. */
export interface JsonBodyCheck {
  problems: Problem[]
  /** Null when the body is too deep to parse. */
  unsafe: UnsafeValue[] | null
  tree: Node | undefined
  errors: ParseError[]
}

const FILTERS_DOC =
  'https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/'

/**
 * A body sent as `application/json`: too deep to read, values that break the strings they
 * print into (a quote in a name, the newlines a `capture` keeps), and the first syntax error,
 * each placed at the template piece that caused it.
 */
export function checkJsonBody(masked: MaskedOutput): JsonBodyCheck {
  const { text, locator } = masked
  // The parse tree recurses once per level: a body this deep is reported, never parsed.
  const tooDeep = findTooDeepJson(text)
  if (tooDeep) {
    const problem = problemAt(
      'error',
      'json-too-deep',
      locator.templatePosition(tooDeep.offset),
      `The body is ${nestedTooDeeply()}, so Bridgebench does not check it further.`,
      'A request body nests a few levels: check the loops and brackets that print this part.',
    )
    return { problems: [problem], unsafe: null, tree: undefined, errors: [] }
  }
  const unsafe = unsafeValuesInStrings(text, locator.valuePieces())
  const problems = unsafe.map((u) => unsafeValueProblem(u, masked))
  const { tree, errors } = parseJson(text)
  const first = errors[0]
  if (first) problems.push(jsonSyntaxProblem(text, first, locator))
  return { problems, unsafe, tree, errors }
}

const HAZARD_WORDS = {
  quote: 'a double quote, which ends the JSON string early',
  newline: 'a line break, which JSON strings cannot contain',
  control: 'a control character, which JSON strings cannot contain',
  backslash: 'a backslash that is not a valid JSON escape',
} as const

function unsafeValueProblem(unsafe: UnsafeValue, masked: MaskedOutput): Problem {
  const { locator } = masked
  const piece = locator.pieceSource(unsafe.segment)
  const value = masked.text.slice(unsafe.segment.start, unsafe.segment.end)
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  const what = unsafe.hazards.map((h) => HAZARD_WORDS[h]).join(' and ')
  const escaped = /^\{\{-?[\s\S]*-?\}\}$/.test(piece)
    ? piece.replace(/\s*(-?\}\})$/, ' | json_escape$1')
    : '{{ … | json_escape }}'
  return problemAt(
    'error',
    'unescaped-value',
    locator.templatePosition(unsafe.segment.start),
    `${piece || 'This value'} prints ${shown} inside a JSON string; it contains ${what}.`,
    `Escape it: ${escaped} (${FILTERS_DOC}).`,
  )
}
