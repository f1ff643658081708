import { useState } from 'react'
import type { Capture } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { ReplayCaptureForm } from '../replay/ReplayCaptureForm'
import { Badge } from './Badge'
import { BodyView } from './BodyView'
import { DeliverySection } from './DeliverySection'
import { KeyValueTable } from './KeyValueTable'
import { SaveSetForm } from './SaveSetForm'
import { SignatureSection } from './SignatureSection'
import {
  FLAG_HINT,
  VERDICT_TONE,
  formatBytes,
  formatPreciseTime,
  parseBadge,
  statusBadge,
} from './capture-format'
import { removeCaptures, useInbox } from './inbox-store'
import { useCaptureDetail } from './use-capture-detail'

/** One capture in full: what arrived, byte for byte, and what it means for Zendesk's delivery. */
export function CaptureDetailView({ id }: { id: string }) {
  const { detail, error, stale } = useCaptureDetail(id)
  // Kept by capture id, so opening another capture closes the form.
  const [replaying, setReplaying] = useState<string>()
  if (error) {
    return (
      <aside className="capture-detail" aria-label="Capture detail">
        <DetailClose />
        <p className="form-error">{error}</p>
      </aside>
    )
  }
  if (!detail) {
    return (
      <aside className="capture-detail" aria-label="Capture detail" aria-busy="true">
        <p className="muted">Loading the capture…</p>
      </aside>
    )
  }
  const { capture } = detail
  return (
    <aside
      className={`capture-detail${stale ? ' is-stale' : ''}`}
      aria-label="Capture detail"
      aria-busy={stale}
      data-testid="capture-detail"
    >
      <DetailHeader
        capture={capture}
        replaying={replaying === capture.id}
        onReplay={() => setReplaying(replaying === capture.id ? undefined : capture.id)}
      />
      {replaying === capture.id && (
        <ReplayCaptureForm capture={capture} onClose={() => setReplaying(undefined)} />
      )}
      <SignatureSection signature={capture.signature} />
      <DeliverySection detail={detail} />
      <section className="detail-section" aria-labelledby="detail-headers">
        <h3 id="detail-headers">
          Headers{' '}
          <span className="muted small">in arrival order, as received · credentials masked</span>
        </h3>
        <KeyValueTable pairs={capture.request.headers} testId="capture-headers" />
      </section>
      <section className="detail-section" aria-labelledby="detail-body">
        <h3 id="detail-body">Body</h3>
        <BodyView key={capture.id} capture={capture} />
      </section>
    </aside>
  )
}

function DetailClose() {
  return (
    <button
      type="button"
      className="button button-small detail-close"
      title="Close (Esc)"
      aria-label="Close the detail"
      onClick={() => useInbox.getState().open(null)}
    >
      ✕
    </button>
  )
}

function DetailHeader({
  capture,
  replaying,
  onReplay,
}: {
  capture: Capture
  replaying: boolean
  onReplay: () => void
}) {
  const api = useApi()
  const [saving, setSaving] = useState(false)
  const [note, setNote] = useState<string>()
  const parse = parseBadge({ parseKind: capture.parse.kind, parseOk: capture.parse.ok })
  const status = statusBadge(capture.answer.status)
  const copyCurl = async () => {
    try {
      const { command } = await api.captures.curl({ id: capture.id })
      await navigator.clipboard.writeText(command)
      setNote('cURL copied (credentials masked)')
    } catch (failure) {
      setNote(errorText(failure))
    }
  }
  const remove = async () => {
    try {
      await removeCaptures(api, [capture.id])
    } catch (failure) {
      setNote(errorText(failure))
    }
  }
  return (
    <header className="detail-header">
      <div className="detail-title">
        <span className={`method-pill method-${capture.request.method.toLowerCase()}`}>
          {capture.request.method}
        </span>
        <h2 className="mono" title={capture.request.url}>
          {capture.request.url}
        </h2>
        <DetailClose />
      </div>
      <div className="detail-badges">
        <Badge tone={VERDICT_TONE[capture.signature.verdict]}>{capture.signature.verdict}</Badge>
        <Badge tone={parse.tone}>{parse.label}</Badge>
        <Badge tone={status.tone}>answered {status.label}</Badge>
        {capture.flags.map((flag) => (
          <Badge key={flag} tone="warning" title={FLAG_HINT[flag]}>
            {flag}
          </Badge>
        ))}
      </div>
      <p className="muted small detail-meta">
        {formatPreciseTime(capture.receivedAt)} · route <strong>{capture.route}</strong> ·{' '}
        {formatBytes(capture.request.body.size)} · via {capture.transport} from{' '}
        {capture.clientAddress}
      </p>
      <div className="actions">
        <button type="button" className="button button-small" onClick={() => void copyCurl()}>
          Copy as cURL
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={onReplay}
          aria-expanded={replaying}
          title="Send it again: to the Sandbox, Braze, the receiver or any URL, edited or re-signed"
          data-testid="replay-capture"
        >
          Replay…
        </button>
        <button type="button" className="button button-small" onClick={() => setSaving(true)}>
          Save to set…
        </button>
        <button
          type="button"
          className="button button-small button-danger"
          onClick={() => void remove()}
        >
          Delete
        </button>
        {note && (
          <span className="muted small" role="status">
            {note}
          </span>
        )}
      </div>
      {saving && <SaveSetForm what={{ ids: [capture.id] }} onDone={() => setSaving(false)} />}
    </header>
  )
}
