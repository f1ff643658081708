import { useState } from 'react'
import { SendOptions } from '../tickets/SendOptions'
import { useCompose } from './compose-store'

function prettyJson(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return null
  }
}

/**
 * The bytes a send puts on the wire for the picked user — body (with the test tag when it is
 * on) and request headers (masked) — and what the send does with Authorization.
 */
export function PreviewPanel() {
  const result = useCompose((s) => s.result)
  const rendering = useCompose((s) => s.rendering)
  const renderError = useCompose((s) => s.renderError)
  const userId = useCompose((s) => s.userId)
  const userLabel = useCompose((s) => s.userLabel)
  const [pretty, setPretty] = useState(false)
  const asJson = result ? prettyJson(result.output) : null
  const formatted = pretty ? asJson : null
  const headers = Object.entries(result?.headers ?? {})

  return (
    <div className="preview" aria-busy={rendering}>
      <p className="muted small preview-meta" data-testid="render-meta">
        {!result
          ? ''
          : rendering
            ? `Rendering for ${userLabel ?? 'the picked user'}…`
            : `Rendered in ${result.durationMs.toFixed(1)} ms for ${result.renderedFor.label}`}
      </p>
      {renderError && (
        <p className="form-error" role="alert">
          {renderError}
        </p>
      )}
      {!result ? (
        <p className="muted">
          {userId === null
            ? 'Pick a sample user above to see the body Braze would send for them.'
            : 'Rendering…'}
        </p>
      ) : result.aborted ? (
        <div className="callout callout-warning" data-testid="preview-aborted">
          <p>
            <strong>Message aborted.</strong> <code>abort_message</code> ran for this user, so Braze
            would send nothing.
          </p>
          <p className="muted">Reason: {result.aborted.reason || '(no reason given)'}</p>
        </div>
      ) : (
        <>
          {result.renderedUntilError && (
            <div className="callout callout-warning" data-testid="preview-until-error">
              <p>
                <strong>Braze would send nothing:</strong> the template has an error at Ln{' '}
                {result.renderedUntilError.line}, Col {result.renderedUntilError.column} (see Lint).
                The body up to there:
              </p>
              <pre className="code-block preview-output">
                {result.renderedUntilError.text || '(nothing before the error)'}
              </pre>
            </div>
          )}
          {result.tagChange && (
            <p className="muted small" data-testid="tag-change">
              {result.tagChange}
            </p>
          )}
          <pre className="code-block preview-output" data-testid="preview-output">
            {formatted ?? result.output}
            {result.output === '' && <span className="muted">(empty body)</span>}
          </pre>
          <label className="checkbox small">
            <input
              type="checkbox"
              checked={pretty && asJson !== null}
              disabled={asJson === null}
              onChange={(e) => setPretty(e.target.checked)}
            />
            {asJson === null
              ? 'Not valid JSON, so it is shown exactly as rendered'
              : 'Format as JSON (Braze sends it exactly as rendered)'}
          </label>
        </>
      )}
      {result && (
        <>
          <h3 className="subheading">Request headers</h3>
          {headers.length === 0 ? (
            <p className="muted small">
              No headers. Zendesk needs Authorization and Content-Type: add them in the Headers tab.
            </p>
          ) : (
            <dl className="facts header-facts" data-testid="preview-headers">
              {headers.map(([name, value]) => (
                <div key={name} className="header-fact">
                  <dt>{name}</dt>
                  <dd>
                    <code>{value}</code>
                  </dd>
                </div>
              ))}
            </dl>
          )}
          <p className="muted small">Credentials are masked here; the engine keeps them.</p>
          <SendOptions result={result} />
          {result.messageExtras.length > 0 && (
            <>
              <h3 className="subheading">Message extras</h3>
              <dl className="facts">
                {result.messageExtras.map((extra) => (
                  <div key={extra.key} className="header-fact">
                    <dt>{extra.key}</dt>
                    <dd>{extra.value}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </>
      )}
    </div>
  )
}
