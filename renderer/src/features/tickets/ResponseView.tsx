import { useState } from 'react'
import type { Exchange } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { useAppStore } from '../../app/app-store'
import { messageOf } from './tickets-store'

const PHASES = ['dns', 'tcp', 'tls', 'request', 'firstByte', 'download'] as const

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

/** Zendesk's answer to the last attempt: status, timing breakdown, headers, body, cURL. */
export function ResponseView({ exchange }: { exchange: Exchange }) {
  const api = useApi()
  const door = useAppStore((s) => s.info?.door)
  const [note, setNote] = useState<string>()
  const timings = exchange.timings ?? {}
  const total = timings.total ?? PHASES.reduce((sum, p) => sum + (timings[p] ?? 0), 0)

  const copy = async (withSecrets: boolean) => {
    try {
      const { command, copied } = await api.exchanges.curl({ id: exchange.id, withSecrets })
      if (!copied) await navigator.clipboard.writeText(command)
      setNote(
        withSecrets
          ? 'Copied with credentials (by the desktop app; they never reached this page).'
          : 'Copied (credentials masked).',
      )
    } catch (error) {
      setNote(messageOf(error))
    }
  }

  return (
    <div className="response" data-testid="ticket-response">
      <p className="response-status">
        {exchange.response ? (
          <>
            <span
              className={`badge badge-${exchange.response.status < 300 ? 'ok' : exchange.response.status < 500 ? 'warning' : 'error'}`}
            >
              {exchange.response.status}
            </span>{' '}
            {exchange.response.statusText} · {Math.round(total)} ms · attempt {exchange.attempt}
          </>
        ) : (
          <>
            <span className="badge badge-error">no answer</span> {exchange.error?.message}
          </>
        )}
      </p>
      <div className="timing" aria-label="Timing breakdown">
        {PHASES.filter((p) => (timings[p] ?? 0) > 0).map((phase) => (
          <span
            key={phase}
            className={`timing-${phase}`}
            style={{ flexGrow: timings[phase] ?? 0 }}
            title={`${phase}: ${Math.round(timings[phase] ?? 0)} ms`}
          >
            {phase} {Math.round(timings[phase] ?? 0)}
          </span>
        ))}
      </div>
      {exchange.response && (
        <details>
          <summary>Response headers</summary>
          <pre className="code-block">
            {Object.entries(exchange.response.headers)
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n')}
          </pre>
        </details>
      )}
      {exchange.response && (
        <pre className="code-block">{pretty(exchange.response.body) || '(empty body)'}</pre>
      )}
      <div className="actions">
        <button type="button" className="button button-small" onClick={() => void copy(false)}>
          Copy as cURL
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={door !== 'desktop'}
          title={
            door === 'desktop'
              ? 'Copies the real credentials to the clipboard'
              : 'Desktop app only: in browser mode secrets never reach the page'
          }
          onClick={() => void copy(true)}
        >
          Copy with secrets
        </button>
        {note && <span className="muted small">{note}</span>}
      </div>
    </div>
  )
}
