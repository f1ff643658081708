import { useEffect, useRef } from 'react'
import type { ReplayResult } from '../../../../shared/contract'

/** What one replay got: pass or fail with every reason, the status and attempts, its exchange. */
export function ReplayOneResult({ result }: { result: ReplayResult }) {
  const box = useRef<HTMLDivElement>(null)
  // The form is tall: bring the answer into view in the scrolling detail. (Braces: Chromium's
  // scrollIntoView now returns a promise, which React would take for a cleanup function.)
  useEffect(() => {
    void box.current?.scrollIntoView({ block: 'nearest' })
  }, [result])
  return (
    <div
      ref={box}
      className={`callout replay-one-result callout-${result.passed ? 'ok' : 'error'}`}
      role="status"
      data-testid="replay-one-result"
    >
      <p>
        <span className={`badge badge-${result.passed ? 'ok' : 'error'}`}>
          {result.passed ? 'pass' : 'fail'}
        </span>{' '}
        {result.status === null ? 'no answer' : `status ${result.status}`} · {result.attempts}{' '}
        attempt{result.attempts === 1 ? '' : 's'} · {Math.round(result.durationMs)} ms
        {result.exchangeId && (
          <>
            {' · '}
            <a href={`#/exchanges/${result.exchangeId}`} data-testid="replay-one-exchange">
              Open the exchange
            </a>
          </>
        )}
      </p>
      {result.url && <p className="mono small replay-one-url">{result.url}</p>}
      {result.failures.length > 0 && (
        <ul className="replay-one-failures" data-testid="replay-one-failures">
          {result.failures.map((failure) => (
            <li key={failure}>{failure}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
