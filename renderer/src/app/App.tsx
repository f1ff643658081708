import { useEffect } from 'react'
import { useAppStore } from './app-store'
import { Sidebar } from './Sidebar'
import { StatusBar } from './StatusBar'
import { SCREENS, screenById } from './screens'
import { useScreenRoute } from './use-screen-route'

export function App() {
  const [current, go] = useScreenRoute()
  const away = useAppStore(
    (s) => s.connection.kind === 'stopped' || s.connection.kind === 'reconnecting',
  )
  const screen = screenById(current)
  const Screen = screen.component

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return
      const target = SCREENS[Number(event.key) - 1]
      if (!target) return
      event.preventDefault()
      go(target.id)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [go])

  useEffect(() => {
    document.title = `${screen.label} · Bridgebench`
  }, [screen])

  return (
    <div className="app">
      <button
        type="button"
        className="skip-link"
        onClick={() => document.getElementById('main')?.focus()}
      >
        Skip to content
      </button>
      <Sidebar current={screen.id} onSelect={go} />
      <main id="main" className="screen" tabIndex={-1} aria-labelledby="screen-title">
        <header className="screen-header">
          <h1 id="screen-title">{screen.label}</h1>
          <p>{screen.summary}</p>
        </header>
        {away && (
          <p className="engine-away" role="alert" data-testid="engine-away">
            <strong>Engine stopped — reconnecting…</strong> Your work stays on this page; actions
            come back as soon as the engine answers again.
          </p>
        )}
        {/* Greys out every action while the engine is away; the editor keeps taking edits. */}
        <fieldset className="screen-body" disabled={away}>
          <Screen />
        </fieldset>
      </main>
      <StatusBar />
    </div>
  )
}
