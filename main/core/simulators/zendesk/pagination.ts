/**
 * List pagination (§4.1): cursor style (`page[size]`, `page[after]`, `page[before]`, answering
 * `meta` and `links`) when asked for, otherwise offset style (`page`, `per_page`, answering
 * `next_page`, `previous_page` and `count`).
 */
export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  listUrl: string,
  key: string,
  toJson: (item: T) => unknown,
): Record<string, unknown> {
  const cursorMode = ['page[size]', 'page[after]', 'page[before]'].some((name) => query.has(name))
  if (cursorMode) {
    const size = clamp(Number(query.get('page[size]') ?? 100), 1, 100)
    const after = decodeCursor(query.get('page[after]'))
    const before = decodeCursor(query.get('page[before]'))
    const start = after !== null ? after + 1 : before !== null ? Math.max(0, before - size) : 0
    const end = before !== null && after === null ? before : start + size
    const page = items.slice(start, end)
    const hasMore = end < items.length
    const afterCursor = page.length > 0 ? encodeCursor(start + page.length - 1) : null
    const beforeCursor = page.length > 0 ? encodeCursor(start) : null
    return {
      [key]: page.map(toJson),
      meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
      links: {
        prev:
          beforeCursor && start > 0
            ? `${listUrl}?page[before]=${beforeCursor}&page[size]=${size}`
            : null,
        next:
          afterCursor && hasMore
            ? `${listUrl}?page[after]=${afterCursor}&page[size]=${size}`
            : null,
      },
    }
  }
  const perPage = clamp(Number(query.get('per_page') ?? 100), 1, 100)
  const pageNumber = Math.max(1, Math.floor(Number(query.get('page') ?? 1)) || 1)
  const start = (pageNumber - 1) * perPage
  const page = items.slice(start, start + perPage)
  return {
    [key]: page.map(toJson),
    next_page:
      start + perPage < items.length
        ? `${listUrl}?page=${pageNumber + 1}&per_page=${perPage}`
        : null,
    previous_page: pageNumber > 1 ? `${listUrl}?page=${pageNumber - 1}&per_page=${perPage}` : null,
    count: items.length,
  }
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : max
}

function encodeCursor(index: number): string {
  return Buffer.from(`i:${index}`).toString('base64url')
}

function decodeCursor(value: string | null): number | null {
  if (!value) return null
  const match = /^i:(\d+)$/.exec(Buffer.from(value, 'base64url').toString('utf8'))
  return match ? Number(match[1]) : null
}
