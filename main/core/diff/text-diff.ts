import { diff_match_patch, DIFF_DELETE, DIFF_INSERT } from '@dmsnell/diff-match-patch'
import type { BodyDiff, TextHunk } from '../../../shared/contract/diffs'

/** Unchanged lines kept around each change, as `diff -u` does. */
const CONTEXT_LINES = 3
/** diff-match-patch gives up refining after this long and returns a coarser (still correct) diff. */
const DIFF_TIMEOUT_SECONDS = 1
/** One UTF-16 code unit per distinct line, skipping the surrogate range: this many at most. */
export const MAX_DISTINCT_LINES = 0x10000 - 0x800
const SURROGATES = 0xd800

type Op = 'equal' | 'insert' | 'delete'
interface Line {
  op: Op
  text: string
}

/**
 * A line diff of two texts, grouped into hunks with context. Lines are mapped to single
 * characters first (diff-match-patch's line mode), so the work grows with the number of lines,
 * not characters.
 */
export function diffText(left: string, right: string): Extract<BodyDiff, { mode: 'text' }> | null {
  const lines = lineDiff(left, right)
  if (!lines) return null
  let inserted = 0
  let deleted = 0
  for (const line of lines) {
    if (line.op === 'insert') inserted++
    else if (line.op === 'delete') deleted++
  }
  return { mode: 'text', hunks: hunks(lines), inserted, deleted }
}

/** Null when the texts have more distinct lines than one code unit each can stand for. */
function lineDiff(left: string, right: string): Line[] | null {
  const table: string[] = []
  const index = new Map<string, number>()
  let distinct = 0
  const encode = (text: string) => {
    const codes: number[] = []
    for (const line of splitLines(text)) {
      let code = index.get(line)
      if (code === undefined) {
        if (distinct >= MAX_DISTINCT_LINES) return null
        code = distinct < SURROGATES ? distinct : distinct + 0x800
        distinct++
        index.set(line, code)
        table[code] = line
      }
      codes.push(code)
    }
    let chars = ''
    for (let i = 0; i < codes.length; i += 8_192)
      chars += String.fromCharCode(...codes.slice(i, i + 8_192))
    return chars
  }
  const a = encode(left)
  const b = encode(right)
  if (a === null || b === null) return null
  const dmp = new diff_match_patch()
  dmp.Diff_Timeout = DIFF_TIMEOUT_SECONDS
  const diffs = dmp.diff_main(a, b, false)
  const lines: Line[] = []
  for (const [op, chars] of diffs) {
    const kind: Op = op === DIFF_INSERT ? 'insert' : op === DIFF_DELETE ? 'delete' : 'equal'
    for (let i = 0; i < chars.length; i++)
      lines.push({ op: kind, text: table[chars.charCodeAt(i)] ?? '' })
  }
  return lines
}

/** Lines without their terminators; a final newline does not make an empty last line. */
function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split(/\r?\n/)
  if (lines.at(-1) === '') lines.pop()
  return lines
}

function hunks(lines: readonly Line[]): TextHunk[] {
  const numbered = number(lines)
  const changed = numbered.map((line, i) => (line.op === 'equal' ? -1 : i)).filter((i) => i >= 0)
  const out: TextHunk[] = []
  let start = -1
  let end = -1
  const flush = () => {
    if (start < 0) return
    const slice = numbered.slice(start, end + 1)
    const first = slice[0]
    out.push({
      leftStart: first?.left ?? firstNumber(numbered, start, 'left'),
      rightStart: first?.right ?? firstNumber(numbered, start, 'right'),
      leftLines: slice.filter((l) => l.op !== 'insert').length,
      rightLines: slice.filter((l) => l.op !== 'delete').length,
      lines: slice,
    })
  }
  for (const i of changed) {
    const from = Math.max(0, i - CONTEXT_LINES)
    const to = Math.min(numbered.length - 1, i + CONTEXT_LINES)
    if (start >= 0 && from <= end + 1) end = Math.max(end, to)
    else {
      flush()
      start = from
      end = to
    }
  }
  flush()
  return out
}

function number(lines: readonly Line[]) {
  let left = 0
  let right = 0
  return lines.map((line) => ({
    ...line,
    left: line.op === 'insert' ? null : ++left,
    right: line.op === 'delete' ? null : ++right,
  }))
}

/** Where a hunk starts on a side its first line is not on: the next line there, or after the end. */
function firstNumber(
  lines: ReadonlyArray<{ left: number | null; right: number | null }>,
  from: number,
  side: 'left' | 'right',
): number {
  for (let i = from; i < lines.length; i++) {
    const n = lines[i]?.[side]
    if (n !== null && n !== undefined) return n
  }
  let last = 0
  for (const line of lines) last = line[side] ?? last
  return last + 1
}
