import { useEffect } from 'react'
import { Sidebar } from './Sidebar'
import { StatusBar } from './StatusBar'
import { SCREENS, screenById } from './screens'
import { useScreenRoute } from './use-screen-route'

export function App() {
  const [current, go] = useScreenRoute()
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
        <Screen />
      </main>
      <StatusBar />
    </div>
  )
}
