import { jsonPath } from '../../../shared/json-path'
import { isRecord } from '../../../shared/is-record'
import type { PathMatcher } from './ignore-rules'

export interface IgnoredValue {
  rule: string
  value: unknown
}

/**
 * Removes every part of `doc.root` an ignore rule matches (keys deleted, array items taken out)
 * and returns what was removed by path, so a diff can still say that an ignored field changed.
 * Walks each node once, carrying the matcher's state down; subtrees no rule can reach are not
 * checked node by node.
 */
export function stripIgnored(
  doc: { root: unknown },
  matcher: PathMatcher,
): Map<string, IgnoredValue> {
  const removed = new Map<string, IgnoredValue>()
  const start = matcher.start()
  const rootRule = matcher.matched(start)
  if (rootRule) {
    removed.set('', { rule: rootRule.text, value: doc.root })
    doc.root = undefined
    return removed
  }
  walk(doc.root, [], start, matcher, removed)
  return removed
}

function walk(
  node: unknown,
  path: Array<string | number>,
  state: readonly number[],
  matcher: PathMatcher,
  removed: Map<string, IgnoredValue>,
): void {
  if (state.length === 0) return
  if (Array.isArray(node)) {
    const kept: unknown[] = []
    node.forEach((item, index) => {
      path.push(index)
      const next = matcher.step(state, index)
      const rule = matcher.matched(next)
      if (rule) removed.set(jsonPath(path), { rule: rule.text, value: item })
      else {
        walk(item, path, next, matcher, removed)
        kept.push(item)
      }
      path.pop()
    })
    if (kept.length !== node.length) {
      // Not splice(…, ...kept): spreading a long array overflows the argument stack.
      node.length = 0
      for (const item of kept) node.push(item)
    }
    return
  }
  if (!isRecord(node)) return
  for (const key of Object.keys(node)) {
    path.push(key)
    const next = matcher.step(state, key)
    const rule = matcher.matched(next)
    if (rule) {
      removed.set(jsonPath(path), { rule: rule.text, value: node[key] })
      delete node[key]
    } else walk(node[key], path, next, matcher, removed)
    path.pop()
  }
}
