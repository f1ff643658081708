import type { Segment } from '../render-trace'
import { OutputLocator } from './output-locator'

/**
 * The JSON structure of a rendered body depends on the template's text and on values printed
 * outside strings, but not on a value printed inside a string that holds no quote, backslash
 * or control character. Renders that differ only in such values share a "shape": its
 * structural lint (JSON syntax, unescaped values, which field is where) is computed once and
 * only the field values are checked per user.
 */

export interface SlotStandIn {
  /** Offset of the stand-in in the masked text. */
  maskedStart: number
  /** The leaf whose real text the stand-in replaces. */
  leafIndex: number
}

export interface OutputShape {
  /** Equal keys: same structure, at the same template places. */
  key: string
  leaves: Segment[]
  /** Per leaf: 'text', 'empty' or 'value' (a safe value inside a string), 'exact' otherwise. */
  classes: LeafClass[]
}

export interface MaskedOutput {
  text: string
  locator: OutputLocator
  slots: SlotStandIn[]
}

type LeafClass = 'text' | 'empty' | 'value' | 'exact'

/** A quote, backslash or control character: it would change the JSON string it lands in. */
function unsafeInString(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 || code === 34 || code === 92) return true
  }
  return false
}

/** A template place as one character (two past 64K): keys stay short and cheap to build. */
function place(offset: number): string {
  return offset < 0xffff ? String.fromCharCode(offset) : `\uffff${offset};`
}

/** Outside a string, inside one, inside one just after a backslash. */
const OUTSIDE = 0
const INSIDE = 1
const ESCAPED = 2

/**
 * How a piece of template text moves the JSON string state, per state it starts in. A text
 * piece always prints the same text, so this is learnt once per piece (by its place).
 */
export type TextTransitions = Array<Uint8Array | undefined>

function transitionsOf(output: string, leaf: Segment): Uint8Array {
  const table = new Uint8Array(3)
  for (const initial of [OUTSIDE, INSIDE, ESCAPED]) {
    let state = initial
    for (let i = leaf.start; i < leaf.end; i++) {
      const code = output.charCodeAt(i)
      if (state === OUTSIDE) state = code === 34 ? INSIDE : OUTSIDE
      else if (state === ESCAPED) state = INSIDE
      else if (code === 92) state = ESCAPED
      else if (code === 34) state = OUTSIDE
    }
    table[initial] = state
  }
  return table
}

export function outputShape(
  output: string,
  locator: OutputLocator,
  transitions: TextTransitions = [],
): OutputShape {
  const leaves = locator.leaves()
  const classes: LeafClass[] = []
  let key = ''
  let state = OUTSIDE
  for (const leaf of leaves) {
    if (leaf.kind === 'text') {
      classes.push('text')
      key += place(leaf.codeBegin)
      let table = transitions[leaf.textBegin]
      if (!table) {
        table = transitionsOf(output, leaf)
        transitions[leaf.textBegin] = table
      }
      state = table[state] ?? OUTSIDE
      continue
    }
    const text = output.slice(leaf.start, leaf.end)
    if (state === INSIDE && !unsafeInString(text)) {
      classes.push(text === '' ? 'empty' : 'value')
      key += `${text === '' ? 'e' : 'v'}${place(leaf.codeBegin)}`
    } else {
      classes.push('exact')
      key += `x${place(leaf.codeBegin)}${text.length}:${text}`
    }
  }
  return { key, leaves, classes }
}

/** The output with every safe in-string value replaced by "x", for the structural lint. */
export function maskOutput(
  output: string,
  shape: OutputShape,
  locator: OutputLocator,
): MaskedOutput {
  let text = ''
  const slots: SlotStandIn[] = []
  const maskedLeaves = shape.leaves.map((leaf, leafIndex): Segment => {
    const start = text.length
    const kind = shape.classes[leafIndex]
    if (kind === 'value') {
      slots.push({ maskedStart: start, leafIndex })
      text += 'x'
    } else if (kind !== 'empty') text += output.slice(leaf.start, leaf.end)
    return { ...leaf, start, end: text.length }
  })
  return { text, slots, locator: new OutputLocator(text, locator.compiled, maskedLeaves) }
}
