import type { ConnectionReport } from '../../../../shared/contract'

const TONE = { pass: 'ok', warn: 'warning', fail: 'error', skipped: 'info' } as const

export function ConnectionReportView({ report }: { report: ConnectionReport }) {
  return (
    <section className="report" aria-label="Connection test result" data-testid="connection-report">
      <p className={`report-verdict tone-${report.ok ? 'ok' : 'error'}`}>
        {report.ok ? 'Connection works' : 'Connection failed'}{' '}
        <span className="muted small">at {new Date(report.at).toLocaleTimeString()}</span>
      </p>
      <ul className="checks">
        {report.checks.map((check, index) => (
          <li key={index} className="check">
            <span className={`badge badge-${TONE[check.outcome]}`}>{check.outcome}</span>
            <div>
              <strong>
                {check.service === 'zendesk' ? 'Zendesk' : 'Braze'} · {check.name}
              </strong>
              {check.latencyMs !== undefined && (
                <span className="muted small"> {check.latencyMs} ms</span>
              )}
              <p>{check.message}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
