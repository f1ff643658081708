import { useEffect, useState } from 'react'
import { ApiProvider } from '../api/api-context'
import { MissingTokenError, connectApi, type EngineConnection } from '../api/connect'
import { App } from './App'
import { engineAway, followEngine, useAppStore } from './app-store'

type Connection = EngineConnection | { error: Error }

function tryConnect(): Connection {
  try {
    return connectApi(engineAway)
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }
}

export function Root() {
  const [connection] = useState(tryConnect)
  const refused = useAppStore((s) => s.connection.kind === 'refused')

  useEffect(() => {
    if (!('api' in connection)) return
    const stop = new AbortController()
    void followEngine(connection.api, connection.reach, stop.signal)
    return () => stop.abort()
  }, [connection])

  if ('error' in connection) return <CannotConnect missing={connection.error} />
  if (refused) return <CannotConnect />
  return (
    <ApiProvider api={connection.api}>
      <App />
    </ApiProvider>
  )
}

/**
 * The page for a link that cannot work: no token at all, or one the running engine does not
 * know (from before a restart). Both say what happened and how to get a fresh link.
 */
function CannotConnect({ missing }: { missing?: Error }) {
  const what =
    missing instanceof MissingTokenError || !missing
      ? missing
        ? 'This page was opened without its access token.'
        : 'This page’s access token is not the running engine’s: the link is from before Bridgebench was restarted, or from another run.'
      : missing.message
  return (
    <main className="cannot-connect" data-testid="cannot-connect">
      <div className="brand cannot-connect-brand">
        <img src="./icon.png" alt="" width={28} height={28} />
        <span>Bridgebench</span>
      </div>
      <h1>This page can’t reach its engine</h1>
      <p>{what}</p>
      <p>
        Open the full URL that <code>bridgebench serve</code> (or <code>npm run web</code>) printed
        in your terminal when it started: it ends with <code>?token=…</code>, which this page keeps
        for the rest of the session. Each start prints a new one; old links stop working.
      </p>
    </main>
  )
}
