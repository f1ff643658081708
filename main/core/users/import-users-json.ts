import {
  findNodeAtLocation,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser'
import { type Problem } from '../../../shared/contract/problems'
import { brazeUserProfile, type BrazeUserProfile } from '../../../shared/contract/users'
import {
  findTooDeepJson,
  nestedTooDeeply,
  type TextPosition,
} from '../../../shared/security/json-nesting'
import { numberFromJson } from '../../../shared/numbers/json-keeping-floats'
import { problemAt } from '../liquid/problem'
import { LineIndex } from '../liquid/source-map'
import { userKey } from './user-identity'

/** Users read from a file, and what was wrong with it (positions are in that file). */
export interface UserImport {
  users: BrazeUserProfile[]
  problems: Problem[]
}

/**
 * Reads Braze export JSON: `{"users": [...]}` as `/users/export/ids` answers (braze.md §6), a
 * bare array of users, or one user object. A whole Float (`2.0`) stays a RubyFloat, so Liquid
 * prints it as Braze does.
 */
export function importUsersJson(text: string): UserImport {
  const lines = new LineIndex(text)
  // Before any parse: the parse tree and everything after it recurse once per level.
  const tooDeep = findTooDeepJson(text)
  if (tooDeep) return { users: [], problems: [tooDeepProblem(tooDeep)] }
  const errors: ParseError[] = []
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false })
  const first = errors[0]
  if (first || !tree) {
    const at = lines.position(first?.offset ?? 0)
    const what = first ? printParseErrorCode(first.error) : 'empty file'
    return {
      users: [],
      problems: [
        problemAt(
          'error',
          'json-syntax',
          at,
          `This is not valid JSON (${what}).`,
          'Fix the JSON at this place, or export the users again.',
        ),
      ],
    }
  }
  const value = valueKeepingFloats(tree, text)
  const wrapped =
    value !== null && typeof value === 'object' && !Array.isArray(value) && 'users' in value
  const list: unknown = wrapped ? value.users : value
  const path: Array<string | number> = wrapped ? ['users'] : []
  if (!Array.isArray(list)) {
    if (!wrapped && value !== null && typeof value === 'object')
      return validate([value], [], tree, lines, true)
    return {
      users: [],
      problems: [
        problemAt(
          'error',
          'user-file-shape',
          lines.position(tree.offset),
          'Expected {"users": [...]} (a Braze export), an array of users, or one user.',
          'Export the users with /users/export/ids, or wrap them in an array.',
        ),
      ],
    }
  }
  return validate(list, path, tree, lines, false)
}

function validate(
  list: unknown[],
  path: Array<string | number>,
  tree: NonNullable<ReturnType<typeof parseTree>>,
  lines: LineIndex,
  single: boolean,
): UserImport {
  const users: BrazeUserProfile[] = []
  const problems: Problem[] = []
  list.forEach((item, index) => {
    const itemPath = single ? [] : [...path, index]
    const name = single ? 'The user' : `users[${index}]`
    const parsed = brazeUserProfile.safeParse(item)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const node =
          findNodeAtLocation(tree, [
            ...itemPath,
            ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
          ]) ??
          findNodeAtLocation(tree, itemPath) ??
          tree
        const field = issue.path.length > 0 ? `.${issue.path.join('.')}` : ''
        problems.push(
          problemAt(
            'error',
            'user-shape',
            lines.position(node.offset),
            `${name}${field}: ${issue.message}.`,
            'Use the field types of a Braze export (braze.md §6).',
          ),
        )
      }
      return
    }
    if (!userKey(parsed.data)) {
      const node = findNodeAtLocation(tree, itemPath) ?? tree
      problems.push(
        problemAt(
          'warning',
          'user-without-id',
          lines.position(node.offset),
          `${name} has neither external_id nor braze_id, so it cannot be picked by id.`,
          'Add an external_id (or braze_id).',
        ),
      )
    }
    users.push(parsed.data)
  })
  return { users, problems }
}

/** Too deep to read safely: the whole file is refused, at the bracket that went too deep. */
function tooDeepProblem(at: TextPosition): Problem {
  return problemAt(
    'error',
    'json-too-deep',
    at,
    `This file is ${nestedTooDeeply()}, so it is not read.`,
    'Braze exports nest a few levels: check that this is the users file you meant.',
  )
}

/**
 * jsonc-parser's getNodeValue, except that numbers are read from their text as
 * parseJsonKeepingFloats reads them (`2.0` stays a Float). Recursion is safe: the nesting guard
 * ran first.
 */
function valueKeepingFloats(node: Node, text: string): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {}
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? []
        if (!key || !value) continue
        // defineProperty, so a "__proto__" key stays data, as JSON.parse keeps it.
        Object.defineProperty(object, String(key.value), {
          value: valueKeepingFloats(value, text),
          enumerable: true,
          writable: true,
          configurable: true,
        })
      }
      return object
    }
    case 'array':
      return (node.children ?? []).map((child) => valueKeepingFloats(child, text))
    case 'number':
      return numberFromJson(text.slice(node.offset, node.offset + node.length))
    case 'string':
    case 'boolean':
    case 'null':
    case 'property':
      return node.value as unknown
  }
}
