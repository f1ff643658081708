import { useEffect, useState } from 'react'
import type { SelfTestReport, TunnelStatus } from '../../../../shared/contract'
import { Badge } from './Badge'
import { formatAgo, formatClock } from './capture-format'

/** A clock that ticks while something on screen counts time ("since 3 min", "retry in 12 s"). */
function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

/** The tunnel's state in one line, and the last self-test: its round trip and what it changed. */
export function TunnelStatusLine({
  tunnel,
  report,
}: {
  tunnel: TunnelStatus
  report: SelfTestReport | undefined
}) {
  const now = useNow(1000)
  const lastSelfTest =
    tunnel.state === 'online' || tunnel.state === 'error' ? tunnel.lastSelfTest : undefined
  const selfTest = [report, lastSelfTest]
    .filter((r): r is SelfTestReport => r !== undefined)
    .sort((a, b) => b.at.localeCompare(a.at))[0]
  return (
    <div className="tunnel-status" data-testid="tunnel-status">
      <p className="tunnel-state">
        {tunnel.state === 'stopped' && (
          <span className="muted">No tunnel running: Zendesk cannot reach 127.0.0.1.</span>
        )}
        {tunnel.state === 'connecting' && (
          <>
            <Badge tone="info">connecting</Badge> {tunnel.transport}
            {tunnel.attempt > 1 && ` · reconnect attempt ${tunnel.attempt}`}
          </>
        )}
        {tunnel.state === 'online' && (
          <>
            <Badge tone="ok">online</Badge> {tunnel.transport} since{' '}
            {formatClock(tunnel.since).slice(0, 8)}{' '}
            <span className="muted">({formatAgo(tunnel.since, now)})</span>
          </>
        )}
        {tunnel.state === 'error' && (
          <>
            <Badge tone="error">error</Badge> {tunnel.transport}: {tunnel.reason}{' '}
            <span className="muted">
              {tunnel.retryAt
                ? `· next retry ${formatAgo(tunnel.retryAt, now)}`
                : tunnel.retryable
                  ? ''
                  : '· not retrying: fix this and start the tunnel again'}
            </span>
          </>
        )}
      </p>
      {selfTest && <SelfTestSummary report={selfTest} now={now} />}
    </div>
  )
}

function SelfTestSummary({ report, now }: { report: SelfTestReport; now: Date }) {
  return (
    <div className="self-test" data-testid="self-test">
      <span>
        Self-test <Badge tone={report.ok ? 'ok' : 'error'}>{report.ok ? 'passed' : 'failed'}</Badge>
        {report.roundTripMs !== undefined && ` ${Math.round(report.roundTripMs)} ms round trip`}
        <span className="muted"> · {formatAgo(report.at, now)}</span>
      </span>
      {report.failure && <span className="tone-error small">{report.failure}</span>}
      {report.summary.length > 0 && (
        <details>
          <summary className="small">What the tunnel changed ({report.summary.length})</summary>
          <ul className="small self-test-changes">
            {report.summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
