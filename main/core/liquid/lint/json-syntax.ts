import {
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
  type ParseErrorCode,
} from 'jsonc-parser'
import type { Problem } from '../../../../shared/contract/problems'
import { problemAt } from '../problem'
import type { OutputLocator } from './output-locator'

/** Strict JSON, as Zendesk reads it: comments and trailing commas are errors. */
export function parseJson(text: string): { tree: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = []
  const tree = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  })
  return { tree, errors }
}

const CURLY = /[\u2018\u2019\u201c\u201d\u201e]/

/** The first JSON error of the output, explained at the template piece that produced it. */
export function jsonSyntaxProblem(
  output: string,
  error: ParseError,
  locator: OutputLocator,
): Problem {
  const valueMissing = printParseErrorCode(error.error) === 'ValueExpected'
  const at =
    (valueMissing ? locator.emptyOutputBefore(error.offset) : null) ??
    locator.templatePosition(error.offset)
  const piece = locator.segmentAt(error.offset)
  const source = piece && piece.kind !== 'text' ? locator.pieceSource(piece) : ''
  const inOutput = source ? `, in the text ${source} printed` : ''
  const found = output.slice(error.offset, error.offset + Math.max(error.length, 1))
  const shown = JSON.stringify(found.length > 24 ? `${found.slice(0, 24)}…` : found)
  if (CURLY.test(found)) {
    return problemAt(
      'error',
      'curly-quote',
      at,
      `The body is not valid JSON: a typographic quote ${shown} stands where JSON needs a straight "${inOutput}.`,
      'Replace the curly quotes with straight quotes.',
    )
  }
  if (printParseErrorCode(error.error) === 'InvalidCommentToken' || found.startsWith('//')) {
    return problemAt(
      'error',
      'json-comment',
      at,
      `The body is not valid JSON: JSON has no comments, so this // line is sent as text${inOutput}.`,
      'Remove the line, or turn it into a Liquid comment: {% comment %}…{% endcomment %}.',
    )
  }
  const before = output.slice(0, error.offset).trimEnd()
  if (before.endsWith(',') && /^\s*[}\]]/.test(output.slice(error.offset))) {
    return problemAt(
      'error',
      'trailing-comma',
      locator.templatePosition(before.length - 1),
      `The body is not valid JSON: a comma before the closing bracket${inOutput}.`,
      'Remove the comma after the last item.',
    )
  }
  return problemAt(
    'error',
    'invalid-json',
    at,
    `The body is not valid JSON: ${describe(error.error)} at ${shown}${inOutput}.`,
    fixFor(error.error),
  )
}

const DESCRIPTIONS: Record<string, string> = {
  InvalidSymbol: 'unexpected text',
  UnexpectedEndOfString: 'a string is cut off (a raw line break or an unclosed quote)',
  InvalidCharacter: 'a control character inside a string',
  CommaExpected: 'a comma is missing',
  ColonExpected: 'a colon is missing',
  PropertyNameExpected: 'a property name is expected',
  ValueExpected: 'a value is expected',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  EndOfFileExpected: 'there is text after the JSON value',
  InvalidEscapeCharacter: 'an invalid \\ escape',
  InvalidUnicode: 'an invalid \\u escape',
  InvalidNumberFormat: 'an invalid number',
}

function describe(code: ParseErrorCode): string {
  return DESCRIPTIONS[printParseErrorCode(code)] ?? 'a syntax error'
}

function fixFor(code: ParseErrorCode): string {
  const name = printParseErrorCode(code)
  if (name === 'UnexpectedEndOfString' || name === 'InvalidCharacter') {
    return 'Apply | json_escape to values printed inside JSON strings (captured text keeps its line breaks).'
  }
  if (name === 'ValueExpected') {
    return 'A value rendered empty: quote it, or give it a default such as | default: 0.'
  }
  return 'Fix the JSON at this place: check quotes, commas and braces, and remove text outside the JSON.'
}
