import {
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type HTMLAttributes,
  type ReactNode,
  type Ref,
} from 'react'

export interface VirtualListHandle {
  /** Scrolls just enough to show the row (no jump when it is already in view). */
  scrollIntoView: (index: number) => void
  /** Rows that fit in the viewport (for Page Up / Page Down). */
  pageSize: () => number
}

interface VirtualListProps<T> extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  items: readonly T[]
  /** Every row has this height in pixels: that is what makes the windowing a division. */
  rowHeight: number
  itemKey: (item: T) => string
  renderRow: (item: T, index: number) => ReactNode
  /** Attributes of a row's own element (role, id, aria-selected, handlers). */
  rowProps?: (item: T, index: number) => HTMLAttributes<HTMLDivElement>
  /**
   * Rows kept rendered beyond each edge of the viewport; the window also moves in steps of this
   * many rows, so slow scrolling re-renders once per step rather than on every scroll event.
   */
  overscan?: number
  /** Called when the last rows come into view (load the next page). */
  onEndReached?: () => void
  ref?: Ref<VirtualListHandle>
}

/**
 * A list that renders only the rows in view, so 10,000 rows cost what 40 do. Rows have one fixed
 * height, which keeps it to arithmetic (no measuring, no library); new rows prepended while the
 * user is scrolled down keep the rows they are reading in place.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  itemKey,
  renderRow,
  rowProps,
  overscan = 8,
  onEndReached,
  ref,
  ...rest
}: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null)
  /** Which step of `overscan` rows is at the top of the viewport. */
  const [step, setStep] = useState(0)
  const [height, setHeight] = useState(0)
  const firstKey = useRef<string | undefined>(undefined)

  useLayoutEffect(() => {
    const element = viewport.current
    if (!element) return
    setHeight(element.clientHeight)
    const observer = new ResizeObserver(() => setHeight(element.clientHeight))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  // Keep the reading position when rows arrive on top (a live list, newest first).
  useLayoutEffect(() => {
    const element = viewport.current
    const previous = firstKey.current
    firstKey.current = items[0] === undefined ? undefined : itemKey(items[0])
    if (!element || previous === undefined || element.scrollTop === 0) return
    if (previous === firstKey.current) return
    const limit = Math.min(items.length, 5_000)
    for (let i = 1; i < limit; i++) {
      if (itemKey(items[i] as T) === previous) {
        element.scrollTop += i * rowHeight
        return
      }
    }
  }, [items, itemKey, rowHeight])

  useImperativeHandle(
    ref,
    () => ({
      scrollIntoView: (index) => {
        const element = viewport.current
        if (!element) return
        const top = index * rowHeight
        if (top < element.scrollTop) element.scrollTop = top
        else if (top + rowHeight > element.scrollTop + element.clientHeight)
          element.scrollTop = top + rowHeight - element.clientHeight
      },
      pageSize: () => Math.max(1, Math.floor((viewport.current?.clientHeight ?? 0) / rowHeight)),
    }),
    [rowHeight],
  )

  // The top row is within [step, step + 1) × overscan: keep at least `overscan` rows either side.
  const first = Math.max(0, (step - 1) * overscan)
  const last = Math.min(items.length, (step + 2) * overscan + Math.ceil(height / rowHeight))
  const nearEnd = last >= items.length - overscan

  useLayoutEffect(() => {
    if (nearEnd && items.length > 0) onEndReached?.()
  }, [nearEnd, items.length, onEndReached])

  const onScroll = useCallback(() => {
    setStep(Math.floor((viewport.current?.scrollTop ?? 0) / (rowHeight * overscan)))
  }, [rowHeight, overscan])

  const rows: ReactNode[] = []
  for (let index = first; index < last; index++) {
    const item = items[index] as T
    const props = rowProps?.(item, index) ?? {}
    rows.push(
      <div
        key={itemKey(item)}
        {...props}
        className={props.className ? `virtual-row ${props.className}` : 'virtual-row'}
        style={{ transform: `translateY(${index * rowHeight}px)`, height: rowHeight }}
      >
        {renderRow(item, index)}
      </div>,
    )
  }

  return (
    <div ref={viewport} onScroll={onScroll} {...rest}>
      <div
        role="presentation"
        className="virtual-space"
        style={{ height: items.length * rowHeight }}
      >
        {rows}
      </div>
    </div>
  )
}
