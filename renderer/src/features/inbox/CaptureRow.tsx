import { memo } from 'react'
import type { CaptureSummary } from '../../../../shared/contract'
import { Badge } from './Badge'
import {
  FLAG_HINT,
  VERDICT_HINT,
  VERDICT_TONE,
  formatBytes,
  formatClock,
  parseBadge,
  statusBadge,
} from './capture-format'

/** One line of the capture list: everything a person scans for, in fixed columns. */
export const CaptureRow = memo(function CaptureRow({
  capture,
  checked,
  onToggle,
}: {
  capture: CaptureSummary
  checked: boolean
  onToggle: (id: string) => void
}) {
  const parse = parseBadge(capture)
  const status = statusBadge(capture.status)
  return (
    <>
      <span className="cell cell-check">
        <input
          type="checkbox"
          tabIndex={-1}
          checked={checked}
          aria-label="Select"
          onClick={(event) => event.stopPropagation()}
          onChange={() => onToggle(capture.id)}
        />
      </span>
      <span className="cell cell-time" title={capture.receivedAt}>
        {formatClock(capture.receivedAt)}
      </span>
      <span className={`cell cell-method method-${capture.method.toLowerCase()}`}>
        {capture.method}
      </span>
      <span className="cell cell-route">{capture.route}</span>
      <span className="cell cell-path" title={capture.path}>
        {capture.path}
      </span>
      <span className="cell cell-size">{formatBytes(capture.size)}</span>
      <span className="cell cell-verdict">
        <Badge tone={VERDICT_TONE[capture.verdict]} title={VERDICT_HINT[capture.verdict]}>
          {capture.verdict}
        </Badge>
      </span>
      <span className="cell cell-parse">
        <Badge tone={parse.tone}>{parse.label}</Badge>
      </span>
      <span className="cell cell-status">
        <Badge tone={status.tone} title="What the receiver answered">
          {status.label}
        </Badge>
      </span>
      <span className="cell cell-flags">
        {capture.flags.map((flag) => (
          <Badge key={flag} tone="warning" title={FLAG_HINT[flag]}>
            {flag}
          </Badge>
        ))}
      </span>
    </>
  )
})

export function CaptureListHeader() {
  return (
    <div className="capture-grid capture-header" aria-hidden="true">
      <span className="cell cell-check" />
      <span className="cell cell-time">Time</span>
      <span className="cell cell-method">Method</span>
      <span className="cell cell-route">Route</span>
      <span className="cell cell-path">Path</span>
      <span className="cell cell-size">Size</span>
      <span className="cell cell-verdict">Signature</span>
      <span className="cell cell-parse">Body</span>
      <span className="cell cell-status">Answer</span>
      <span className="cell cell-flags">Flags</span>
    </div>
  )
}
