import { useState, type FormEvent } from 'react'
import type { ReceiverRoute, RouteAnswer } from '../../../../shared/contract'
import { zendeskNextStep } from '../../../../shared/zendesk/next-step'
import { useApi } from '../../api/api-context'
import { Badge } from './Badge'
import { useInbox } from './inbox-store'
import { ANSWER_STATUSES, RETRY_AFTER_STATUSES, SLOW_DELAY_MS } from './route-answer'
import { useAction } from './use-action'

type DelayChoice = 'none' | 'slow' | 'custom'

const OUTCOME_TONE = { delivered: 'ok', retry: 'warning', 'gives-up': 'error' } as const

/** Adds or edits a route: its answer (status, Retry-After, delay, hang up) and strict signatures. */
export function RouteEditor({
  route,
  onDone,
}: {
  route: ReceiverRoute | null
  onDone: () => void
}) {
  const api = useApi()
  const action = useAction()
  const [name, setName] = useState(route?.name ?? '')
  const [status, setStatus] = useState(route?.answer.status ?? 200)
  const [retryAfter, setRetryAfter] = useState(
    route?.answer.retryAfterSeconds === null || route === null
      ? ''
      : String(route.answer.retryAfterSeconds),
  )
  const initialDelay = route?.answer.delayMs ?? 0
  const [delay, setDelay] = useState<DelayChoice>(
    initialDelay === 0 ? 'none' : initialDelay === SLOW_DELAY_MS ? 'slow' : 'custom',
  )
  const [delaySeconds, setDelaySeconds] = useState(String(initialDelay / 1000))
  const [close, setClose] = useState(route?.answer.close ?? false)
  const [strict, setStrict] = useState(route?.strictSignature ?? false)

  const answer: RouteAnswer = {
    status,
    retryAfterSeconds:
      RETRY_AFTER_STATUSES.has(status) && retryAfter.trim() !== '' ? Number(retryAfter) : null,
    delayMs:
      delay === 'none'
        ? 0
        : delay === 'slow'
          ? SLOW_DELAY_MS
          : Math.round(Number(delaySeconds) * 1000),
    close,
  }
  const next = zendeskNextStep(
    { ...answer, status: close ? null : status, closed: close, reason: '' },
    null,
  )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void action.run(async () => {
      const settings = await api.receiver.saveRoute({
        name: name.trim(),
        answer,
        strictSignature: strict,
        profileId: route?.profileId ?? null,
      })
      useInbox.getState().setSettings(settings)
      onDone()
    })
  }

  return (
    <form
      className="route-editor"
      onSubmit={submit}
      aria-label={route ? `Edit route ${route.name}` : 'New route'}
    >
      <label>
        <span className="muted small">Name</span>
        <span className="with-action">
          <code className="muted">/hooks/</code>
          <input
            value={name}
            required
            readOnly={route !== null}
            pattern="[a-z0-9][a-z0-9_\-]{0,62}"
            title="Lower-case letters, digits, - and _"
            placeholder="slow-braze"
            onChange={(event) => setName(event.target.value)}
          />
        </span>
      </label>
      <label>
        <span className="muted small">Answer</span>
        <select
          value={status}
          disabled={close}
          onChange={(event) => setStatus(Number(event.target.value))}
        >
          {ANSWER_STATUSES.map((option) => (
            <option key={option.status} value={option.status}>
              {option.label}
            </option>
          ))}
          {!ANSWER_STATUSES.some((option) => option.status === status) && (
            <option value={status}>{status}</option>
          )}
        </select>
      </label>
      {RETRY_AFTER_STATUSES.has(status) && !close && (
        <label>
          <span className="muted small">Retry-After (s)</span>
          <input
            type="number"
            min={0}
            max={86400}
            value={retryAfter}
            placeholder="none"
            onChange={(event) => setRetryAfter(event.target.value)}
          />
        </label>
      )}
      <label>
        <span className="muted small">Delay</span>
        <select value={delay} onChange={(event) => setDelay(event.target.value as DelayChoice)}>
          <option value="none">None</option>
          <option value="slow">Slow: 15 s (over Zendesk’s 12 s timeout)</option>
          <option value="custom">Custom…</option>
        </select>
      </label>
      {delay === 'custom' && (
        <label>
          <span className="muted small">Seconds</span>
          <input
            type="number"
            min={0}
            max={120}
            step={0.5}
            value={delaySeconds}
            onChange={(event) => setDelaySeconds(event.target.value)}
          />
        </label>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={close}
          onChange={(event) => setClose(event.target.checked)}
        />
        Close the connection instead of answering
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={strict}
          onChange={(event) => setStrict(event.target.checked)}
        />
        Strict signature: answer 401 unless valid (still captured)
      </label>
      <p className="route-consequence full-width small">
        <Badge tone={OUTCOME_TONE[next.outcome]}>Zendesk</Badge> {next.message}
      </p>
      <div className="actions full-width">
        <button type="submit" className="button button-primary button-small" disabled={action.busy}>
          {route ? 'Save route' : 'Add route'}
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          Cancel
        </button>
        {action.error && <span className="form-error small">{action.error}</span>}
      </div>
    </form>
  )
}
