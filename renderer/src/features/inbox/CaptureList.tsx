import { useCallback, useMemo, useRef, type KeyboardEvent } from 'react'
import type { CaptureSummary } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { VirtualList, type VirtualListHandle } from '../../components/VirtualList'
import { CaptureListHeader, CaptureRow } from './CaptureRow'
import { useInbox } from './inbox-store'

export const ROW_HEIGHT = 30

const itemKey = (capture: CaptureSummary) => capture.id

/**
 * The captures, newest first, windowed so 10,000 rows scroll like 40. Keyboard: ↑/↓, Page Up/Down,
 * Home/End move; Enter opens; Space selects; Esc closes the detail. While a detail is open it
 * follows the cursor.
 */
export function CaptureList() {
  const api = useApi()
  const items = useInbox((s) => s.items)
  const activeId = useInbox((s) => s.activeId)
  const openId = useInbox((s) => s.openId)
  const checked = useInbox((s) => s.checked)
  const list = useRef<VirtualListHandle>(null)
  const activeIndex = useMemo(
    () => (activeId ? items.findIndex((item) => item.id === activeId) : -1),
    [items, activeId],
  )

  const moveTo = (index: number) => {
    const target = items[Math.min(Math.max(index, 0), items.length - 1)]
    if (!target) return
    const store = useInbox.getState()
    store.setActive(target.id)
    if (store.openId) store.open(target.id)
    list.current?.scrollIntoView(items.indexOf(target))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = list.current?.pageSize() ?? 10
    const current = activeIndex
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: Math.max(current - 1, 0),
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: items.length - 1,
    }
    const to = moves[event.key]
    if (to !== undefined) {
      moveTo(to)
    } else if (event.key === 'Enter' && activeId) {
      useInbox.getState().open(activeId)
    } else if (event.key === ' ' && activeId) {
      useInbox.getState().toggleChecked(activeId)
    } else if (event.key === 'Escape' && openId) {
      useInbox.getState().open(null)
    } else {
      return
    }
    event.preventDefault()
  }

  const onEndReached = useCallback(() => void useInbox.getState().loadMore(api), [api])
  const toggle = useCallback((id: string) => useInbox.getState().toggleChecked(id), [])

  return (
    <div className="capture-list">
      <CaptureListHeader />
      <VirtualList
        ref={list}
        items={items}
        rowHeight={ROW_HEIGHT}
        itemKey={itemKey}
        id="capture-viewport"
        className="capture-viewport"
        role="listbox"
        aria-label="Captured requests, newest first"
        aria-activedescendant={activeId ? `capture-${activeId}` : undefined}
        tabIndex={0}
        data-testid="capture-list"
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (!activeId && items[0]) useInbox.getState().setActive(items[0].id)
        }}
        onEndReached={onEndReached}
        rowProps={(capture) => ({
          id: `capture-${capture.id}`,
          role: 'option',
          'aria-selected': capture.id === activeId,
          className: `capture-grid capture-row${capture.id === openId ? ' is-open' : ''}${
            capture.id === activeId ? ' is-active' : ''
          }${checked.has(capture.id) ? ' is-checked' : ''}`,
          onClick: () => useInbox.getState().open(capture.id),
        })}
        renderRow={(capture) => (
          <CaptureRow capture={capture} checked={checked.has(capture.id)} onToggle={toggle} />
        )}
      />
    </div>
  )
}
