import type { ConnectedContentCall } from '../../../../shared/contract'
import { cannedKey } from './canned-responses'
import { useCompose } from './compose-store'

const OUTCOME_TONE: Record<ConnectedContentCall['outcome'], string> = {
  canned: 'ok',
  live: 'ok',
  'not-called': 'warning',
  failed: 'error',
}

function optionSummary(call: ConnectedContentCall): string {
  const { options } = call
  const parts: string[] = [options.method]
  if (options.save) parts.push(`:save ${options.save}`)
  const headers = Object.keys(options.headers)
  if (headers.length > 0) parts.push(`headers ${headers.join(', ')}`)
  if (options.basicAuth) parts.push('basic auth')
  if (options.cacheMaxAge !== null) parts.push(`cache ${options.cacheMaxAge}s`)
  if (options.noCache) parts.push('no cache')
  if (options.retry) parts.push(':retry')
  return parts.join(' · ')
}

/**
 * The `{% connected_content %}` calls a render made. Previews never call out: paste what the
 * URL would answer and the next render uses it.
 */
export function ConnectedContentPanel() {
  const result = useCompose((s) => s.result)
  const canned = useCompose((s) => s.canned)
  const setCanned = useCompose((s) => s.setCanned)
  const unique = new Map<string, ConnectedContentCall>()
  for (const call of result?.connectedContent ?? []) {
    if (!unique.has(call.url)) unique.set(call.url, call)
  }

  return (
    <section className="panel" aria-labelledby="compose-cc">
      <div className="panel-title-row">
        <h2 id="compose-cc">Connected Content</h2>
        <label
          className="checkbox small muted"
          title="Live calls are off in previews: rendering never reaches your servers, and tests never call out."
        >
          <input type="checkbox" checked={false} disabled />
          Live calls
        </label>
      </div>
      {unique.size === 0 ? (
        <p className="muted small">
          This template makes no <code>{'{% connected_content %}'}</code> calls. When it does, each
          URL is listed here and you can paste the response it would give.
        </p>
      ) : (
        <>
          <p className="muted small">
            Live calls are off, so previews reach no server. Paste the response (JSON or text) a URL
            would give; the next render uses it.
          </p>
          <ul className="cc-calls" data-testid="cc-calls">
            {[...unique.values()].map((call) => {
              const key = cannedKey(call.url)
              return (
                <li key={call.url}>
                  <div className="cc-head">
                    <span className={`badge badge-${OUTCOME_TONE[call.outcome]}`}>
                      {call.outcome}
                    </span>
                    <code className="cc-url">{call.url}</code>
                  </div>
                  <p className="muted small">
                    {optionSummary(call)}
                    {call.line !== null && ` · line ${call.line}`}
                    {call.note && ` · ${call.note}`}
                  </p>
                  <textarea
                    className="mono"
                    rows={3}
                    spellCheck={false}
                    aria-label={`Response for ${call.url}`}
                    placeholder='{"key": "value"} or plain text'
                    value={canned[key] ?? ''}
                    onChange={(e) => setCanned(key, e.target.value)}
                  />
                </li>
              )
            })}
          </ul>
        </>
      )}
    </section>
  )
}
