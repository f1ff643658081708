import { create, type Delta, type DiffContext, type Filter } from 'jsondiffpatch'
import type {
  BodyDiff,
  IgnoredChange,
  JsonChange,
  ResolvedDiffOptions,
} from '../../../shared/contract/diffs'
import { jsonPath } from '../../../shared/json-path'
import { isRecord } from '../../../shared/is-record'
import { stripIgnored } from './json-ignore'
import type { PathMatcher } from './ignore-rules'
import { deltaChanges, preview } from './json-changes'

/**
 * Arrays whose lengths multiply past this are compared position by position: jsondiffpatch
 * matches items with a longest-common-subsequence table of that many cells.
 */
export const MAX_MATCHED_ARRAY_CELLS = 1_000_000
/** The change list stops here; the delta still holds everything. */
export const MAX_LISTED_CHANGES = 1_000

export interface JsonDiffResult {
  body: Extract<BodyDiff, { mode: 'json' }>
  notes: string[]
  identical: boolean
}

/**
 * Diffs two parsed JSON documents (which it may change: ignored parts are removed from them).
 * Object key order never counts; array items are matched by a key that identifies them on both
 * sides, else by position; very long arrays are compared by position with a note.
 */
export function diffJson(
  left: unknown,
  right: unknown,
  options: ResolvedDiffOptions,
  ignore: PathMatcher,
): JsonDiffResult {
  const leftDoc = { root: left }
  const rightDoc = { root: right }
  const leftIgnored = stripIgnored(leftDoc, ignore)
  const rightIgnored = stripIgnored(rightDoc, ignore)
  const notes: string[] = []
  const hashes = new WeakMap<object, string>()
  const patcher = create({
    objectHash: (item, index) => hashes.get(item) ?? `#${index ?? 0}`,
    arrays: { detectMove: true, includeValueOnMove: false },
    // Values in the delta are the documents' own (parsed for this diff only): no copies.
    cloneDiffValues: false,
  })
  patcher.processor.pipes.diff.before('arrays', arrayMatching(options.arrayKeys, hashes, notes))
  const delta: Delta = patcher.diff(leftDoc.root, rightDoc.root)
  const { changes, total } = deltaChanges(delta, MAX_LISTED_CHANGES)
  return {
    body: {
      mode: 'json',
      delta: delta ?? null,
      changes,
      moreChanges: Math.max(0, total - changes.length),
      ignored: ignoredChanges(leftIgnored, rightIgnored),
    },
    notes,
    identical: delta === undefined,
  }
}

/**
 * Runs before jsondiffpatch's own array filter, once per pair of arrays: decides how their
 * items are matched (by an identifying key, or by position), or compares very long arrays
 * position by position itself.
 */
function arrayMatching(
  keys: readonly string[],
  hashes: WeakMap<object, string>,
  notes: string[],
): Filter<DiffContext> {
  const filter = (context: DiffContext) => {
    if (!context.leftIsArray || !Array.isArray(context.right)) return
    const left = context.left as unknown[]
    const right = context.right as unknown[]
    if (left.length * right.length > MAX_MATCHED_ARRAY_CELLS) {
      const where = jsonPath(contextPath(context)) || 'the body'
      notes.push(
        `${where} has ${left.length.toLocaleString('en-US')} items on one side and ${right.length.toLocaleString('en-US')} on the other: compared position by position, so an inserted item shows as a change to every item after it.`,
      )
      comparePositionally(context, left, right)
      return
    }
    const key = identifyingKey(left, right, keys)
    left.forEach((item, index) => hashItem(hashes, item, key, index))
    right.forEach((item, index) => hashItem(hashes, item, key, index))
  }
  filter.filterName = 'bridgebench-array-matching'
  return filter
}

function hashItem(
  hashes: WeakMap<object, string>,
  item: unknown,
  key: string | undefined,
  index: number,
): void {
  if (!isRecord(item)) return
  hashes.set(item, key === undefined ? `#${index}` : `${key}=${JSON.stringify(item[key])}`)
}

/**
 * The first key whose values are scalars, present on every object item, unique per side, and
 * shared by at least half the items of the shorter side: a key most items keep. When the key
 * itself changed (an external_id rendered empty), matching by position shows that as a field
 * change rather than one item removed and another added.
 */
function identifyingKey(
  left: readonly unknown[],
  right: readonly unknown[],
  keys: readonly string[],
): string | undefined {
  if (left.length === 0 || right.length === 0) return undefined
  return keys.find((key) => {
    const a = uniqueScalars(left, key)
    const b = uniqueScalars(right, key)
    if (!a || !b) return false
    let shared = 0
    for (const value of a) if (b.has(value)) shared++
    return shared * 2 >= Math.min(a.size, b.size)
  })
}

function uniqueScalars(items: readonly unknown[], key: string): Set<unknown> | undefined {
  const seen = new Set<unknown>()
  for (const item of items) {
    if (!isRecord(item)) return undefined
    const value = item[key]
    if (typeof value !== 'string' && typeof value !== 'number') return undefined
    if (seen.has(value)) return undefined
    seen.add(value)
  }
  return seen
}

/** Pairs items by index; the longer side's extra items are added or removed. */
function comparePositionally(context: DiffContext, left: unknown[], right: unknown[]): void {
  const common = Math.min(left.length, right.length)
  const Child = context.constructor as new (left: unknown, right: unknown) => DiffContext
  for (let index = 0; index < common; index++)
    context.push(new Child(left[index], right[index]), index)
  let result: Record<string, unknown> | undefined
  for (let index = common; index < right.length; index++) {
    result ??= { _t: 'a' }
    result[index] = [right[index]]
  }
  for (let index = common; index < left.length; index++) {
    result ??= { _t: 'a' }
    result[`_${index}`] = [left[index], 0, 0]
  }
  context.setResult(result as Delta).exit()
}

function contextPath(context: DiffContext): Array<string | number> {
  const segments: Array<string | number> = []
  for (let at: DiffContext | undefined = context; at?.parent; at = at.parent) {
    if (at.childName !== undefined) segments.unshift(at.childName)
  }
  return segments
}

function ignoredChanges(
  left: ReadonlyMap<string, { rule: string; value: unknown }>,
  right: ReadonlyMap<string, { rule: string; value: unknown }>,
): IgnoredChange[] {
  const changes: IgnoredChange[] = []
  for (const path of new Set([...left.keys(), ...right.keys()])) {
    const before = left.get(path)
    const after = right.get(path)
    const rule = (before ?? after)?.rule ?? ''
    const a = before === undefined ? undefined : JSON.stringify(before.value)
    const b = after === undefined ? undefined : JSON.stringify(after.value)
    if (a === b) continue
    const summary = `${before ? preview(before.value) : '(absent)'} → ${after ? preview(after.value) : '(absent)'}`
    changes.push({ path, rule, summary })
    if (changes.length >= MAX_LISTED_CHANGES) break
  }
  return changes
}

export type { JsonChange }
