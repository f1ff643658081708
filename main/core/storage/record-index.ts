import { encodeTime } from 'ulid'

/**
 * The in-memory index of a record store: each record's summary, by id, with the ids kept in
 * order. ULIDs sort by creation time, so id order is age order and "newest first" is a walk
 * from the end. Most puts carry the newest id, so keeping the order is an append.
 */
export interface ListQuery<S> {
  /** Only records whose summary passes. */
  filter?: (summary: S, id: string) => boolean
  /** Cursor: only records older than this id (the `nextCursor` of the previous page). */
  before?: string
  /** At most this many (default 100). */
  limit?: number
}

export interface ListPage<S> {
  /** Newest first. */
  items: Array<{ id: string; summary: S }>
  /** Pass as `before` for the next page; null when this page reached the oldest record. */
  nextCursor: string | null
}

/** How many records a store keeps: the oldest beyond either bound are removed. */
export interface Retention {
  maxCount?: number
  maxAgeMs?: number
}

export class RecordIndex<S> {
  /** Sorted; the first `head` entries were dropped by retention and are not there any more. */
  private readonly ids: string[] = []
  private head = 0
  private readonly summaries = new Map<string, S>()

  get size(): number {
    return this.ids.length - this.head
  }

  has(id: string): boolean {
    return this.summaries.has(id)
  }

  get(id: string): S | undefined {
    return this.summaries.get(id)
  }

  set(id: string, summary: S): void {
    if (!this.summaries.has(id)) {
      const last = this.size > 0 ? this.ids.at(-1) : undefined
      if (last === undefined || last < id) this.ids.push(id)
      else this.ids.splice(this.insertionPoint(id), 0, id)
    }
    this.summaries.set(id, summary)
  }

  /** Adds many at once (loading at open): one sort instead of an insertion each. */
  setMany(entries: Iterable<[string, S]>): void {
    this.compact(0)
    for (const [id, summary] of entries) {
      if (!this.summaries.has(id)) this.ids.push(id)
      this.summaries.set(id, summary)
    }
    this.ids.sort()
  }

  delete(id: string): boolean {
    if (!this.summaries.delete(id)) return false
    this.ids.splice(this.insertionPoint(id), 1)
    return true
  }

  /** The oldest `count` ids, removed from the index (for retention by count). */
  dropOldest(count: number): string[] {
    const end = this.head + Math.min(Math.max(0, count), this.size)
    const dropped = this.ids.slice(this.head, end)
    for (const id of dropped) this.summaries.delete(id)
    this.head = end
    // Retention drops a few of the oldest at each commit: moving the whole array up each time
    // cost a pass over every id, so the front is cut off only once it is half the array.
    this.compact(this.ids.length / 2)
    return dropped
  }

  /** Ids that sort before `bound` (older than it), removed from the index (retention by age). */
  dropBefore(bound: string): string[] {
    return this.dropOldest(this.insertionPoint(bound) - this.head)
  }

  /** Removes what retention no longer keeps at `now`; returns the ids dropped. */
  dropExpired({ maxCount, maxAgeMs }: Retention, now: Date): string[] {
    const dropped: string[] = []
    if (maxAgeMs !== undefined) {
      // The smallest ULID of the oldest kept millisecond: ids sort by their time first.
      const oldest = Math.max(0, now.getTime() - maxAgeMs)
      dropped.push(...this.dropBefore(`${encodeTime(oldest, 10)}${'0'.repeat(16)}`))
    }
    if (maxCount !== undefined && this.size > maxCount) {
      dropped.push(...this.dropOldest(this.size - maxCount))
    }
    return dropped
  }

  list(query: ListQuery<S> = {}): ListPage<S> {
    const limit = Math.max(1, query.limit ?? 100)
    const items: ListPage<S>['items'] = []
    let at = (query.before === undefined ? this.ids.length : this.insertionPoint(query.before)) - 1
    for (; at >= this.head && items.length < limit; at--) {
      const id = this.ids[at] as string
      const summary = this.summaries.get(id) as S
      if (!query.filter || query.filter(summary, id)) items.push({ id, summary })
    }
    const last = items.at(-1)
    return { items, nextCursor: at >= this.head && last ? last.id : null }
  }

  /** The first position whose id is not less than `id` (binary search). */
  private insertionPoint(id: string): number {
    let low = this.head
    let high = this.ids.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if ((this.ids[mid] as string) < id) low = mid + 1
      else high = mid
    }
    return low
  }

  /** Removes the dropped front once it is longer than `over` entries. */
  private compact(over: number): void {
    if (this.head > over) {
      this.ids.splice(0, this.head)
      this.head = 0
    }
  }
}
