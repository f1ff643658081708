import { useState } from 'react'
import type { LintReport } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { LintList } from './LintList'

/** The pre-flight lint on any body: paste what a trigger would send, see what Braze would do. */
export function LintPanel() {
  const api = useApi()
  const [body, setBody] = useState('')
  const [template, setTemplate] = useState('')
  const [report, setReport] = useState<LintReport>()
  const [error, setError] = useState<string>()

  const run = async () => {
    setError(undefined)
    try {
      setReport(await api.forward.lint({ body, template: template || undefined }))
    } catch (failure) {
      setError(errorText(failure))
    }
  }

  return (
    <details className="panel tool-panel">
      <summary>
        <strong>Pre-flight lint</strong>{' '}
        <span className="muted small">— check a /users/track body before it is forwarded</span>
      </summary>
      <div className="two-columns">
        <label className="field">
          Body (as the trigger sends it)
          <textarea
            rows={8}
            value={body}
            spellCheck={false}
            onChange={(e) => setBody(e.target.value)}
            data-testid="lint-body"
          />
        </label>
        <label className="field">
          Trigger body template (optional: problems point at its lines too)
          <textarea
            rows={8}
            value={template}
            spellCheck={false}
            onChange={(e) => setTemplate(e.target.value)}
          />
        </label>
      </div>
      <button
        type="button"
        className="button button-small"
        disabled={!body.trim()}
        onClick={() => void run()}
      >
        Lint
      </button>
      {error && <p className="form-error">{error}</p>}
      {report && <LintList report={report} />}
    </details>
  )
}
