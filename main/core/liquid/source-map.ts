/**
 * The Braze dialect is rewritten into standard Liquid before liquidjs sees it. Every piece of
 * the rewrite remembers where it came from, so any position liquidjs reports can be given back
 * in the user's own text.
 */

export interface Position {
  line: number
  column: number
}

/** Maps offsets in rewritten code back to offsets in the original template. */
export class SourceMap {
  constructor(
    private readonly codeStarts: readonly number[],
    private readonly originStarts: readonly number[],
    private readonly copied: readonly boolean[],
    private readonly originLength: number,
  ) {}

  /** Copied text maps character for character; generated text maps to what it replaced. */
  toOriginal(codeOffset: number): number {
    const starts = this.codeStarts
    if (starts.length === 0) return 0
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((starts[mid] ?? 0) <= codeOffset) low = mid
      else high = mid - 1
    }
    const origin = this.originStarts[low] ?? 0
    const delta = this.copied[low] ? codeOffset - (starts[low] ?? 0) : 0
    return Math.min(origin + Math.max(delta, 0), this.originLength)
  }

  /** The inverse, for offsets in copied text: where an original offset ended up. */
  toGenerated(originOffset: number): number {
    const origins = this.originStarts
    if (origins.length === 0) return originOffset
    let low = 0
    let high = origins.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((origins[mid] ?? 0) <= originOffset) low = mid
      else high = mid - 1
    }
    const code = this.codeStarts[low] ?? 0
    return this.copied[low] ? code + (originOffset - (origins[low] ?? 0)) : code
  }
}

/** Accumulates rewritten code piece by piece. */
export class SourceMapBuilder {
  private readonly parts: string[] = []
  private readonly codeStarts: number[] = []
  private readonly originStarts: number[] = []
  private readonly copied: boolean[] = []
  private length = 0
  /** The copied run not yet sliced: neighbouring copies become one slice. */
  private runStart = -1
  private runEnd = -1

  constructor(private readonly original: string) {}

  /** Appends `original[start, end)` unchanged. */
  copy(start: number, end: number): void {
    if (end <= start) return
    if (start === this.runEnd) {
      this.runEnd = end
      return
    }
    this.flush()
    this.mark(start, true)
    this.runStart = start
    this.runEnd = end
  }

  /** Appends text that does not exist in the original, attributed to `anchor`. */
  emit(text: string, anchor: number): void {
    if (text.length === 0) return
    this.flush()
    this.mark(anchor, false)
    this.push(text)
  }

  build(): { code: string; map: SourceMap } {
    this.flush()
    return {
      code: this.parts.join(''),
      map: new SourceMap(this.codeStarts, this.originStarts, this.copied, this.original.length),
    }
  }

  private flush(): void {
    if (this.runStart < 0) return
    this.push(this.original.slice(this.runStart, this.runEnd))
    this.runStart = -1
    this.runEnd = -1
  }

  private mark(origin: number, copied: boolean): void {
    this.codeStarts.push(this.length)
    this.originStarts.push(origin)
    this.copied.push(copied)
  }

  private push(text: string): void {
    this.parts.push(text)
    this.length += text.length
  }
}

/** 1-based line and column of an offset; columns count UTF-16 units, as editors do. */
export class LineIndex {
  private readonly starts: number[] = [0]

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1)
    }
  }

  position(offset: number): Position {
    let low = 0
    let high = this.starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((this.starts[mid] ?? 0) <= offset) low = mid
      else high = mid - 1
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 }
  }
}
