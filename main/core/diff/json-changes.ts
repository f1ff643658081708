import type { Delta } from 'jsondiffpatch'
import type { JsonChange } from '../../../shared/contract/diffs'
import { jsonPath } from '../../../shared/json-path'
import { isRecord } from '../../../shared/is-record'

/** A value travels with its change only up to this size (as JSON); the summary always does. */
const MAX_VALUE_CHARS = 1_024
const PREVIEW_CHARS = 80

/**
 * The changes a jsondiffpatch delta describes, as a flat list with JSON paths, in document
 * order (https://github.com/benjamine/jsondiffpatch/blob/master/docs/deltas.md). Lists the first
 * `limit` and counts them all.
 */
export function deltaChanges(
  delta: Delta,
  limit: number,
): { changes: JsonChange[]; total: number } {
  const changes: JsonChange[] = []
  let total = 0
  const add = (change: Omit<JsonChange, 'path'>) => {
    total++
    if (changes.length < limit) changes.push({ ...change, path: jsonPath(change.segments) })
  }
  visit(delta, [], add)
  return { changes, total }
}

function visit(
  delta: Delta,
  segments: Array<string | number>,
  add: (change: Omit<JsonChange, 'path'>) => void,
): void {
  if (delta === undefined) return
  if (Array.isArray(delta)) {
    leafChange(delta as unknown[], segments, add)
    return
  }
  const object: unknown = delta
  if (!isRecord(object)) return
  if (object._t === 'a') {
    arrayChanges(object, segments, add)
    return
  }
  for (const key of Object.keys(object)) visit(object[key] as Delta, [...segments, key], add)
}

function leafChange(
  delta: unknown[],
  segments: Array<string | number>,
  add: (change: Omit<JsonChange, 'path'>) => void,
): void {
  if (delta.length === 1) {
    add({
      kind: 'added',
      segments,
      ...value('right', delta[0]),
      summary: `added ${preview(delta[0])}`,
    })
  } else if (delta.length === 2) {
    add({
      kind: 'changed',
      segments,
      ...value('left', delta[0]),
      ...value('right', delta[1]),
      summary: `${preview(delta[0])} → ${preview(delta[1])}`,
    })
  } else if (delta[2] === 0) {
    add({
      kind: 'removed',
      segments,
      ...value('left', delta[0]),
      summary: `removed ${preview(delta[0])}`,
    })
  }
}

/**
 * Array deltas key removed and moved items by their left index (`_3`) and added, changed and
 * nested items by their right index (`3`). Left indexes come first so removals read before
 * additions, as in a unified diff.
 */
function arrayChanges(
  delta: Record<string, unknown>,
  segments: Array<string | number>,
  add: (change: Omit<JsonChange, 'path'>) => void,
): void {
  const keys = Object.keys(delta).filter((key) => key !== '_t')
  const removed = keys.filter((key) => key.startsWith('_')).map((key) => Number(key.slice(1)))
  const inRight = keys.filter((key) => !key.startsWith('_')).map(Number)
  for (const index of removed.sort((a, b) => a - b)) {
    const entry = delta[`_${index}`] as unknown[]
    const at = [...segments, index]
    if (entry[2] === 3) {
      const to = entry[1] as number
      add({ kind: 'moved', segments: at, to, summary: `moved from [${index}] to [${to}]` })
    } else leafChange(entry, at, add)
  }
  for (const index of inRight.sort((a, b) => a - b)) {
    visit(delta[index] as Delta, [...segments, index], add)
  }
}

function value(side: 'left' | 'right', data: unknown): Partial<JsonChange> {
  const text = JSON.stringify(data) ?? ''
  return text.length <= MAX_VALUE_CHARS ? { [side]: data } : {}
}

/** A value as a short JSON excerpt for a one-line summary. */
export function preview(data: unknown): string {
  const text = JSON.stringify(data) ?? 'undefined'
  return text.length <= PREVIEW_CHARS ? text : `${text.slice(0, PREVIEW_CHARS - 1)}…`
}
