import { errorText } from '../../api/error-text'
import { useState } from 'react'
import type { Exchange, RawBody, TimingPhases } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { useAppStore } from '../../app/app-store'

const PHASES = ['dns', 'connect', 'tls', 'firstByte'] as const

const AUTHORIZATION_TEXT: Record<Exchange['authorization'], string> = {
  profile: 'the profile’s credentials, in place of the template’s header',
  'as-rendered': 'the template’s header, as rendered (what Braze sends)',
  capture: 'passed through from the captured request',
  none: 'none was sent',
}

function pretty(body: RawBody): string {
  if (body.encoding === 'base64') return `(${body.size} bytes, not UTF-8 text)`
  try {
    return JSON.stringify(JSON.parse(body.data), null, 2)
  } catch {
    return body.data
  }
}

/** Each phase's duration, plus what is left of the total (sending and reading the body). */
function phaseDurations(timings: TimingPhases | null): Array<[string, number]> {
  if (!timings) return []
  const durations: Array<[string, number]> = PHASES.map((p) => [p, timings[p] ?? 0])
  const rest = timings.total - durations.reduce((sum, [, ms]) => sum + ms, 0)
  durations.push(['download', Math.max(0, rest)])
  return durations
}

/** Zendesk's answer to the last attempt: status, timing breakdown, headers, body, cURL. */
export function ResponseView({ exchange }: { exchange: Exchange }) {
  const api = useApi()
  const door = useAppStore((s) => s.info?.door)
  const [note, setNote] = useState<string>()
  const last = exchange.attempts.at(-1)
  const response = last?.response ?? null
  const total = last?.timings?.total ?? 0

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
      setNote(errorText(error))
    }
  }

  return (
    <div className="response" data-testid="ticket-response">
      <p className="response-status">
        {response ? (
          <>
            <span
              className={`badge badge-${response.status < 300 ? 'ok' : response.status < 500 ? 'warning' : 'error'}`}
            >
              {response.status}
            </span>{' '}
            {response.statusText} · {Math.round(total)} ms · attempt {last?.attempt}
          </>
        ) : (
          // The send's message above already says why: the badge only marks the attempt.
          <>
            <span className="badge badge-error">no answer</span> · attempt {last?.attempt}
          </>
        )}
      </p>
      <p className="muted small" data-testid="exchange-authorization">
        Authorization: {AUTHORIZATION_TEXT[exchange.authorization]}
      </p>
      <div className="timing" aria-label="Timing breakdown">
        {phaseDurations(last?.timings ?? null)
          .filter(([, ms]) => ms > 0)
          .map(([phase, ms]) => (
            <span
              key={phase}
              className={`timing-${phase}`}
              style={{ flexGrow: ms }}
              title={`${phase}: ${Math.round(ms)} ms`}
            >
              {phase} {Math.round(ms)}
            </span>
          ))}
      </div>
      {response && (
        <details>
          <summary>Response headers</summary>
          <pre className="code-block">
            {response.headers.map(([k, v]) => `${k}: ${v}`).join('\n')}
          </pre>
        </details>
      )}
      {response && <pre className="code-block">{pretty(response.body) || '(empty body)'}</pre>}
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
