import type { HeaderChangeKind, HeaderDiff, HeaderRow } from '../../../shared/contract/diffs'
import type { RawHeaders } from '../../../shared/contract/raw-http'

/** Something the caller knows about one header that the masked values cannot show. */
export interface HeaderNote {
  /** Any case. */
  name: string
  note: string
  /** The credential was replaced: counts as a change even though both masks read the same. */
  credentialReplaced?: boolean
}

interface Side {
  names: string[]
  values: string[]
  positions: number[]
}

/**
 * Header lines compared by name, case-insensitively as HTTP defines them, while still showing
 * what a name-blind comparison hides: a change of letter case, lines merged or split
 * (duplicates), and a header that moved relative to the others.
 */
export function diffHeaders(
  left: RawHeaders,
  right: RawHeaders,
  ignored: ReadonlySet<string>,
  notes: readonly HeaderNote[] = [],
): HeaderDiff {
  const leftSides = group(left)
  const rightSides = group(right)
  const names = [...rightSides.keys(), ...[...leftSides.keys()].filter((n) => !rightSides.has(n))]
  const common = (sides: Map<string, Side>, other: Map<string, Side>) =>
    [...sides.keys()].filter((name) => other.has(name) && !ignored.has(name))
  const leftOrder = common(leftSides, rightSides)
  const rightOrder = common(rightSides, leftSides)
  const kept = new Set(lcs(leftOrder, rightOrder) ?? leftOrder)
  const orderChanged = leftOrder.join('\n') !== rightOrder.join('\n')
  const noteFor = new Map(notes.map((n) => [n.name.toLowerCase(), n]))
  const rows = names.map((name) =>
    row(name, leftSides.get(name), rightSides.get(name), {
      ignored: ignored.has(name),
      moved: leftSides.has(name) && rightSides.has(name) && !ignored.has(name) && !kept.has(name),
      note: noteFor.get(name),
    }),
  )
  return {
    rows,
    orderChanged,
    changed: rows.filter((r) => !r.ignored && r.changes.length > 0).length,
  }
}

function row(
  name: string,
  left: Side | undefined,
  right: Side | undefined,
  extra: { ignored: boolean; moved: boolean; note: HeaderNote | undefined },
): HeaderRow {
  const changes: HeaderChangeKind[] = []
  if (!left) changes.push('added')
  else if (!right) changes.push('removed')
  else {
    if (left.values.length !== right.values.length) changes.push('count')
    if (left.values.join('\n') !== right.values.join('\n')) changes.push('value')
    if (left.names.join('\n') !== right.names.join('\n')) changes.push('case')
    if (extra.moved) changes.push('moved')
  }
  if (extra.note?.credentialReplaced && left && right) changes.push('credential')
  return {
    name,
    left: left ?? null,
    right: right ?? null,
    changes,
    ignored: extra.ignored,
    note: extra.note?.note ?? null,
  }
}

function group(headers: RawHeaders): Map<string, Side> {
  const sides = new Map<string, Side>()
  headers.forEach(([name, value], position) => {
    const key = name.toLowerCase()
    let side = sides.get(key)
    if (!side) {
      side = { names: [], values: [], positions: [] }
      sides.set(key, side)
    }
    side.names.push(name)
    side.values.push(value)
    side.positions.push(position)
  })
  return sides
}

/** Past this many table cells, names are not matched for moves (only order is compared). */
const MAX_ORDER_CELLS = 250_000

/** The longest common subsequence of two short lists (header names: dozens, rarely more). */
function lcs(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > MAX_ORDER_CELLS) return null
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = table[i] as number[]
      row[j] =
        a[i] === b[j]
          ? (table[i + 1] as number[])[j + 1]! + 1
          : Math.max((table[i + 1] as number[])[j]!, row[j + 1]!)
    }
  }
  const out: string[] = []
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      out.push(a[i] as string)
      i++
      j++
    } else if ((table[i + 1] as number[])[j]! >= (table[i] as number[])[j + 1]!) i++
    else j++
  }
  return out
}
