import { useRef, type KeyboardEvent } from 'react'
import { SCREENS } from './screens'

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+'

/** Vertical navigation; arrow keys move between entries, Ctrl/⌘+number jumps from anywhere. */
export function Sidebar({
  current,
  onSelect,
}: {
  current: string
  onSelect: (id: string) => void
}) {
  const list = useRef<HTMLUListElement>(null)

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])]
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const next = event.key === 'ArrowDown' ? index + 1 : index - 1
    buttons[(next + buttons.length) % buttons.length]?.focus()
    event.preventDefault()
  }

  return (
    <nav className="sidebar" aria-label="Screens">
      <div className="brand">
        <img src="./icon.png" alt="" width={24} height={24} />
        <span>Bridgebench</span>
      </div>
      <ul ref={list} onKeyDown={onKeyDown}>
        {SCREENS.map((screen, index) => (
          <li key={screen.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={current === screen.id ? 'page' : undefined}
              title={`${screen.summary} (${MOD}${index + 1})`}
              onClick={() => onSelect(screen.id)}
            >
              <span>{screen.label}</span>
              <kbd aria-hidden="true">
                {MOD}
                {index + 1}
              </kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
