import { useEffect, useState } from 'react'
import type { ApiClient } from '../../../shared/contract'
import { ApiProvider } from '../api/api-context'
import { MissingTokenError, connectApi } from '../api/connect'
import { App } from './App'
import { followEngine } from './app-store'

type Connection = { api: ApiClient } | { error: Error }

function tryConnect(): Connection {
  try {
    return { api: connectApi() }
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }
}

export function Root() {
  const [connection] = useState(tryConnect)

  useEffect(() => {
    if (!('api' in connection)) return
    const stop = new AbortController()
    void followEngine(connection.api, stop.signal)
    return () => stop.abort()
  }, [connection])

  if ('error' in connection) return <CannotConnect error={connection.error} />
  return (
    <ApiProvider api={connection.api}>
      <App />
    </ApiProvider>
  )
}

function CannotConnect({ error }: { error: Error }) {
  return (
    <main className="cannot-connect">
      <h1>Bridgebench can’t reach its engine</h1>
      <p>{error.message}</p>
      {error instanceof MissingTokenError && (
        <p>
          Open the full URL that <code>bridgebench serve</code> (or <code>npm run web</code>)
          printed in your terminal: it ends with <code>?token=…</code>, which this page keeps for
          the rest of the session.
        </p>
      )}
    </main>
  )
}
