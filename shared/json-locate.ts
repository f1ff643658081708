import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser'

/** A place in a text: 1-based line and column, and the 0-based character offset. */
export interface TextPlace {
  line: number
  column: number
  offset: number
}

/**
 * A Liquid template with its tags masked, offsets kept: each `{{ … }}` becomes zeros (a number
 * where the template writes it unquoted, still text inside quotes) and each `{% … %}` blanks, so
 * a JSON parser reads `"id": {{ticket.id}}` as a value and goes on to the next member.
 */
export function maskLiquid(template: string): string {
  return template
    .replace(/\{\{[\s\S]*?\}\}/g, (tag) => tag.replace(/[^\n]/g, '0'))
    .replace(/\{%[\s\S]*?%\}/g, (tag) => tag.replace(/[^\n]/g, ' '))
}

/**
 * Finds where the value at a JSON path sits in a JSON text, so a problem found in the parsed
 * value can point at its line and column. The text is parsed tolerantly (error recovery), which
 * also makes it work on a JSON-shaped template (masked with maskLiquid): a path the template
 * writes literally is found there.
 */
export class JsonLocator {
  private readonly tree: Node | undefined
  private lineStarts: number[] | undefined

  constructor(readonly text: string) {
    this.tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false })
  }

  /**
   * Where the value at `segments` is: an object member's key, an array item's first character.
   * With `nearest`, a path the text does not have falls back to its closest ancestor that it
   * has (a template's `{% for %}` writes items that are not in its text); otherwise null.
   */
  locate(segments: ReadonlyArray<string | number>, nearest = false): TextPlace | null {
    if (!this.tree) return null
    for (let length = segments.length; length >= 0; length--) {
      const node = findNodeAtLocation(this.tree, [...segments.slice(0, length)])
      if (node) {
        const member = node.parent?.type === 'property' ? node.parent : node
        return this.place(member.offset)
      }
      if (!nearest) return null
    }
    return null
  }

  /** The line and column of a character offset. */
  place(offset: number): TextPlace {
    const starts = (this.lineStarts ??= lineStartsOf(this.text))
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((starts[mid] as number) <= offset) low = mid
      else high = mid - 1
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1, offset }
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return starts
}
