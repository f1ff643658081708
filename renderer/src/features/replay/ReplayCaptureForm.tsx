import { useState, type FormEvent, type KeyboardEvent } from 'react'
import type { Capture, ReplayResult } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { ReplayFields } from './ReplayFields'
import { ReplayOneResult } from './ReplayOneResult'
import {
  editableBody,
  replayOneForm,
  replayOneRequestOf,
  type ReplayOneForm,
} from './replay-one-form'

/**
 * "Replay…" of one capture: where to, with which credential and signature, the body as captured
 * or edited, then Send and what came back. Enter (Ctrl+Enter in the body) sends, Esc closes.
 */
export function ReplayCaptureForm({ capture, onClose }: { capture: Capture; onClose: () => void }) {
  const api = useApi()
  const [form, setForm] = useState(() => replayOneForm(capture))
  const [sending, setSending] = useState(false)
  const [outcome, setOutcome] = useState<{ result: ReplayResult } | { error: string }>()
  const checked = replayOneRequestOf(capture, form)
  const body = editableBody(capture)
  const edited = 'request' in checked && checked.request.edit !== undefined
  const change = (update: Partial<ReplayOneForm>) => setForm((f) => ({ ...f, ...update }))

  const send = async (event?: FormEvent) => {
    event?.preventDefault()
    if (!('request' in checked) || sending) return
    setSending(true)
    setOutcome(undefined)
    try {
      setOutcome({ result: await api.replay.one(checked.request) })
    } catch (failure) {
      setOutcome({ error: errorText(failure) })
    } finally {
      setSending(false)
    }
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // The Inbox closes the whole detail on Esc; here it closes only this form.
      event.stopPropagation()
      onClose()
    } else if (
      event.key === 'Enter' &&
      (event.ctrlKey || event.metaKey || event.target instanceof HTMLSelectElement)
    ) {
      // Fields submit on Enter by themselves; a select and the body need help.
      event.preventDefault()
      void send()
    }
  }

  return (
    <section className="detail-section" aria-labelledby="replay-one-title">
      <h3 id="replay-one-title">Replay</h3>
      <form
        className="replay-one"
        onSubmit={(event) => void send(event)}
        onKeyDown={onKeyDown}
        aria-busy={sending}
        data-testid="replay-one"
      >
        <div className="replay-one-fields">
          <ReplayFields form={form} onChange={change} autoFocus />
        </div>
        <label className="field">
          <span>
            Body{' '}
            <span className="muted small">
              {edited ? 'edited: sent as typed' : 'as captured, byte for byte'}
            </span>
          </span>
          <textarea
            rows={8}
            spellCheck={false}
            value={form.body}
            disabled={!('text' in body)}
            onChange={(event) => change({ body: event.target.value })}
            data-testid="replay-one-body"
          />
        </label>
        {'reason' in body && <p className="muted small">{body.reason}</p>}
        {'problem' in checked && <p className="form-error small">{checked.problem}</p>}
        <div className="actions">
          <button
            type="submit"
            className="button button-primary button-small"
            disabled={sending || 'problem' in checked}
            data-testid="replay-one-send"
          >
            {sending ? 'Sending…' : 'Send'}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={!edited}
            onClick={() => change({ body: 'text' in body ? body.text : '' })}
          >
            Restore the captured body
          </button>
          <button type="button" className="button button-small" onClick={onClose}>
            Close
          </button>
          <span className="muted small">Enter sends (Ctrl+Enter in the body) · Esc closes</span>
        </div>
        {sending && (
          <p className="muted small" role="status">
            Sending… a 429 from the target is waited out (up to 2 min) and tried again.
          </p>
        )}
        {outcome && 'error' in outcome && (
          <p className="form-error" role="alert" data-testid="replay-one-error">
            {outcome.error}
          </p>
        )}
        {outcome && 'result' in outcome && <ReplayOneResult result={outcome.result} />}
      </form>
    </section>
  )
}
