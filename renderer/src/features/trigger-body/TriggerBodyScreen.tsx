import { useCallback, useEffect, useRef, useState } from 'react'
import type { PlaceholderEscapingMode, Problem } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { SetupPanel } from './SetupPanel'
import { TriggerEditor, type TriggerEditorHandle } from './TriggerEditor'
import { TriggerProblems } from './TriggerProblems'
import { useTriggerBody } from './trigger-store'

const NO_PROBLEMS: Problem[] = []
const RENDER_DELAY_MS = 200
const SOURCE_LABEL = {
  'built-in': 'Built-in',
  sandbox: 'Sandbox',
  profile: 'Zendesk',
  file: 'File',
}

/**
 * Zendesk → Braze: the JSON body a Zendesk trigger posts to Braze /users/track, previewed for a
 * sample ticket by the simulated Zendesk's placeholder engine, linted, batch-checked, sent as a
 * test, and set up in the Zendesk account in one step.
 */
export function TriggerBodyScreen() {
  const api = useApi()
  const editor = useRef<TriggerEditorHandle>(null)
  const state = useTriggerBody()
  const { template, escaping, ticketKey, samples, result, lint, sent, busy, error } = state
  const problems = result?.problems ?? NO_PROBLEMS
  const [ticketId, setTicketId] = useState('')

  useEffect(() => {
    if (useTriggerBody.getState().samples.length === 0) void useTriggerBody.getState().load(api)
  }, [api])

  useEffect(() => {
    const timer = setTimeout(() => void useTriggerBody.getState().render(api), RENDER_DELAY_MS)
    return () => clearTimeout(timer)
  }, [api, template, escaping, ticketKey, samples])

  const jump = useCallback((problem: Problem) => {
    if (problem.line !== null) editor.current?.jumpTo(problem.line, problem.column ?? 1)
  }, [])

  return (
    <div className="stack trigger-body">
      {error && <p className="form-error">{error}</p>}
      <div className="compose-grid">
        <div className="stack compose-main">
          <section className="panel" aria-labelledby="trigger-editor-title">
            <h2 id="trigger-editor-title">Trigger body</h2>
            <TriggerEditor
              ref={editor}
              value={template}
              problems={problems}
              onChange={state.setTemplate}
            />
          </section>
          <section className="panel" aria-labelledby="trigger-lint-title">
            <h2 id="trigger-lint-title">Lint</h2>
            <TriggerProblems problems={problems} onJump={jump} testId="trigger-problems" />
          </section>
          <section className="panel" aria-labelledby="trigger-batch-title">
            <div className="panel-title-row">
              <h2 id="trigger-batch-title">All sample tickets</h2>
              <button
                type="button"
                disabled={busy !== null}
                onClick={() => void state.runLint(api)}
              >
                Check every ticket
              </button>
            </div>
            {lint && (
              <table className="table" data-testid="trigger-batch">
                <tbody>
                  {lint.tickets.map((t) => (
                    <tr key={t.key}>
                      <td>
                        <span className={`badge badge-${t.ok ? 'ok' : 'error'}`}>
                          {t.ok ? 'ok' : 'breaks'}
                        </span>
                      </td>
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => state.selectTicket(t.key)}
                        >
                          {t.label}
                        </button>
                      </td>
                      <td className="muted small">{t.problems[0]?.message ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
        <div className="stack compose-side">
          <section className="panel" aria-labelledby="trigger-preview-title">
            <h2 id="trigger-preview-title">Preview</h2>
            <label className="form">
              Sample ticket
              <select
                value={ticketKey ?? ''}
                onChange={(event) => state.selectTicket(event.target.value)}
                data-testid="trigger-ticket"
              >
                {samples.map((s) => (
                  <option key={s.key} value={s.key}>
                    {SOURCE_LABEL[s.source]} · {s.label}
                  </option>
                ))}
              </select>
            </label>
            <form
              className="actions"
              onSubmit={(event) => {
                event.preventDefault()
                const id = Number(ticketId)
                if (Number.isInteger(id) && id > 0) void state.loadTicket(api, id)
              }}
            >
              <input
                aria-label="Ticket id to load from the profile's Zendesk"
                placeholder="Ticket id"
                inputMode="numeric"
                value={ticketId}
                onChange={(event) => setTicketId(event.target.value)}
              />
              <button type="submit" disabled={busy !== null}>
                Load from Zendesk
              </button>
            </form>
            <fieldset className="escaping-switch" data-testid="trigger-escaping">
              <legend>How Zendesk inserts values (undocumented)</legend>
              {(['raw', 'json'] as PlaceholderEscapingMode[]).map((mode) => (
                <label key={mode}>
                  <input
                    type="radio"
                    name="escaping"
                    checked={escaping === mode}
                    onChange={() => state.setEscaping(mode)}
                  />{' '}
                  {mode === 'raw' ? 'As-is (raw)' : 'Escaped for JSON'}
                </label>
              ))}
            </fieldset>
            <p data-testid="trigger-validity">
              {result ? (
                <span className={`badge badge-${result.validJson ? 'ok' : 'error'}`}>
                  {result.validJson ? 'valid JSON' : 'invalid JSON'}
                </span>
              ) : null}
            </p>
            <pre className="preview-output" data-testid="trigger-preview">
              {result?.text ?? ''}
            </pre>
          </section>
          <section className="panel" aria-labelledby="trigger-send-title">
            <h2 id="trigger-send-title">Send test</h2>
            <button type="button" disabled={busy !== null} onClick={() => void state.send(api)}>
              Send to Braze /users/track
            </button>
            {sent && (
              <div data-testid="trigger-sent">
                <p className={sent.ok ? 'tone-ok' : 'form-error'}>{sent.message}</p>
                <pre className="preview-output small">{sent.answer}</pre>
                <TriggerProblems
                  problems={sent.problems}
                  onJump={jump}
                  testId="trigger-sent-problems"
                />
                <p className="muted small">{sent.profileMessage}</p>
                {sent.profile && (
                  <pre className="preview-output small">
                    {JSON.stringify(sent.profile, null, 2)}
                  </pre>
                )}
              </div>
            )}
          </section>
          <SetupPanel />
        </div>
      </div>
    </div>
  )
}
