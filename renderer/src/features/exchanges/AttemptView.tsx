import type { Attempt, RawBody, RawHeaders } from '../../../../shared/contract'
import { statusTone } from './exchange-labels'

/** A body as a person reads it: JSON indented, other text as is, bytes by size. */
export function bodyText(body: RawBody): string {
  if (body.encoding === 'base64') return `(${body.size} bytes, not UTF-8 text)`
  if (body.data === '') return '(empty body)'
  try {
    return JSON.stringify(JSON.parse(body.data), null, 2)
  } catch {
    return body.data
  }
}

function Message({
  title,
  startLine,
  headers,
  body,
}: {
  title: string
  startLine: string
  headers: RawHeaders
  body: RawBody
}) {
  return (
    <div className="http-message">
      <h4>{title}</h4>
      <pre className="code-block">
        {`${startLine}\n${headers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${bodyText(body)}${
          body.truncated ? `\n… (first bytes of ${body.size})` : ''
        }`}
      </pre>
    </div>
  )
}

/** One round trip: the request as sent (credentials masked), the answer, timing and any retry. */
export function AttemptView({ attempt }: { attempt: Attempt }) {
  const { request, response, timings, error, retry } = attempt
  return (
    <div className="attempt" data-testid="exchange-attempt">
      <p className="attempt-head">
        <strong>Attempt {attempt.attempt}</strong>{' '}
        {response ? (
          <span className={`badge badge-${statusTone(response.status)}`}>{response.status}</span>
        ) : (
          <span className={`badge badge-${attempt.state === 'pending' ? 'info' : 'error'}`}>
            {attempt.state === 'pending' ? 'in flight' : 'no answer'}
          </span>
        )}
        {timings && <span className="muted small"> {Math.round(timings.total)} ms</span>}
        {timings && (
          <span className="muted small">
            {' '}
            (
            {['dns', 'connect', 'tls', 'firstByte']
              .filter((p) => timings[p as keyof typeof timings] !== undefined)
              .map((p) => `${p} ${Math.round(timings[p as keyof typeof timings] ?? 0)}`)
              .join(' · ')}
            )
          </span>
        )}
      </p>
      {error && <p className="form-error">{error.message}</p>}
      {retry && (
        <p className="muted small">
          Retried after {retry.afterSeconds} s ({retry.reason.replace(/-/g, ' ')}).
        </p>
      )}
      <div className="two-columns">
        <Message
          title="Request"
          startLine={`${request.method} ${request.url}`}
          headers={request.headers}
          body={request.body}
        />
        {response ? (
          <Message
            title="Response"
            startLine={`${response.status} ${response.statusText}`}
            headers={response.headers}
            body={response.body}
          />
        ) : (
          <div className="http-message">
            <h4>Response</h4>
            <p className="muted">{error ? 'No answer came.' : 'Waiting for the answer…'}</p>
          </div>
        )}
      </div>
    </div>
  )
}
