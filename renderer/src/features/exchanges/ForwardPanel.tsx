import { useState } from 'react'
import type { Exchange, ReadBackResult } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { LintList } from './LintList'
import { useExchanges } from './exchanges-store'
import type { ForwardAuth } from '../../../../shared/contract'

const READ_BACK_TONE = {
  arrived: 'ok',
  differs: 'warning',
  missing: 'error',
  'not-compared': 'info',
}

const show = (value: unknown) => (value === undefined ? '' : JSON.stringify(value))

function ReadBack({ result }: { result: ReadBackResult }) {
  return (
    <div data-testid="read-back">
      <p>
        {result.summary}{' '}
        <span className="muted small">
          (read {new Date(result.at).toLocaleTimeString()}
          {result.status !== null && `, /users/export/ids → ${result.status}`})
        </span>
      </p>
      {result.error && <p className="form-error">{result.error}</p>}
      {result.users.map((user) => (
        <table key={user.externalId} className="table">
          <caption className="muted small">
            {user.externalId}
            {user.found ? '' : ' — no such profile'}
          </caption>
          <tbody>
            {user.items.map((item) => (
              <tr key={`${item.kind}:${item.name}`}>
                <td>
                  <span className={`badge badge-${READ_BACK_TONE[item.state]}`}>{item.state}</span>
                </td>
                <td>
                  {item.kind} <code>{item.name}</code>
                </td>
                <td>
                  <code>{show(item.sent)}</code>
                </td>
                <td>
                  <code>{show(item.found)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  )
}

/** A forward's own story: Braze's answer read (a 2xx with `errors` failed), lint, read-back. */
export function ForwardPanel({
  exchange,
  onChange,
}: {
  exchange: Exchange
  onChange: (exchange: Exchange) => void
}) {
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const detail = exchange.forward
  if (!detail) return null
  const { outcome } = detail

  const forwardAgain = async (auth: ForwardAuth) => {
    setBusy(true)
    setError(undefined)
    try {
      const result = await api.forward.run({ captureId: detail.captureId, auth })
      await useExchanges.getState().load(api)
      if (result.exchangeId) useExchanges.getState().open(result.exchangeId)
    } catch (failure) {
      setError(errorText(failure))
    } finally {
      setBusy(false)
    }
  }

  const readBack = async () => {
    setBusy(true)
    setError(undefined)
    try {
      const result = await api.forward.readBack({ exchangeId: exchange.id })
      onChange({ ...exchange, forward: { ...detail, readBack: result } })
    } catch (failure) {
      setError(errorText(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="forward-panel" data-testid="forward-panel">
      <p data-testid="forward-outcome">
        {outcome ? (
          <>
            <span
              className={`badge badge-${outcome.state === 'forwarded' ? 'ok' : outcome.state === 'blocked' ? 'warning' : 'error'}`}
            >
              {outcome.state}
            </span>{' '}
            {outcome.message}
          </>
        ) : (
          <span className="muted">In flight…</span>
        )}
      </p>
      <p className="muted small">
        Route <code>{detail.route}</code> · {detail.run} · to <code>{detail.target.url}</code>
      </p>
      {outcome?.warnings.map((w) => (
        <p key={w} className="callout callout-warning">
          {w}
        </p>
      ))}
      {outcome && outcome.refused.length > 0 && (
        <>
          <h4>Objects Braze refused</h4>
          <ul className="lint-problems">
            {outcome.refused.map((r, i) => (
              <li key={i}>
                <code>{r.path || '(the body)'}</code> {r.type}
                {r.templateAt && (
                  <span className="muted small">
                    {' '}
                    — template {r.templateAt.line}:{r.templateAt.column}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => void forwardAgain('capture')}
          data-testid="forward-again-capture"
        >
          Forward again
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => void forwardAgain('profile')}
          title="Sends the capture again with the profile's Braze REST API key in place of the captured credential"
          data-testid="forward-again-profile"
        >
          Forward again with the profile’s key
        </button>
      </div>
      <h4>Pre-flight lint</h4>
      <LintList report={detail.lint} />
      <div className="panel-title-row">
        <h4>Read-back</h4>
        <button
          type="button"
          className="button button-small"
          disabled={busy || outcome?.state !== 'forwarded'}
          onClick={() => void readBack()}
          title="Reads the profiles back from Braze with /users/export/ids: a 2xx only means queued"
        >
          {busy ? 'Reading…' : 'Read back now'}
        </button>
      </div>
      {error && <p className="form-error">{error}</p>}
      {detail.readBack ? (
        <ReadBack result={detail.readBack} />
      ) : (
        <p className="muted small">
          Not read back yet. Braze queues writes: a 2xx means accepted, not applied.
        </p>
      )}
      {detail.transform && (
        <details>
          <summary>Transform (route’s Liquid template)</summary>
          <pre className="code-block">{detail.transform.template}</pre>
        </details>
      )}
    </div>
  )
}
