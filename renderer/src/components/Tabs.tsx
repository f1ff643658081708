import type { ReactNode } from 'react'

export interface TabSpec<T extends string> {
  id: T
  label: ReactNode
}

/** A row of tabs over one panel's views (the panel renders the chosen view itself). */
export function Tabs<T extends string>({
  tabs,
  current,
  onSelect,
  label,
}: {
  tabs: ReadonlyArray<TabSpec<T>>
  current: T
  onSelect: (id: T) => void
  label: string
}) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          className="tab"
          aria-selected={tab.id === current}
          onClick={() => onSelect(tab.id)}
          data-testid={`tab-${tab.id}`}
        >
          {tab.label}
        </button>
      ))}
    </div>
  )
}
