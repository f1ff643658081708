import { useMemo, useState } from 'react'
import type { Capture } from '../../../../shared/contract'
import { HEX_LIMIT, bodyBytes, formFields, hexDump, prettyJson } from './body-views'
import { formatBytes } from './capture-format'
import { KeyValueTable } from './KeyValueTable'

type View = 'pretty' | 'raw' | 'hex'

/** Text past this is shown on request: a 10 MB body in one DOM node makes the page crawl. */
const TEXT_PREVIEW_CHARS = 256 * 1024
/** Bodies with more lines than this are shown without the line-number gutter. */
const GUTTER_MAX_LINES = 5_000

/**
 * The body as received: pretty (JSON re-indented losslessly, form fields as a table), raw text with
 * the parse error marked at its line and column, or a hex dump for bytes that are not UTF-8.
 */
export function BodyView({ capture }: { capture: Capture }) {
  const { body } = capture.request
  const { parse } = capture
  const text = body.encoding === 'utf8' ? body.data : undefined
  const pretty = useMemo(() => {
    if (text === undefined || !parse.ok) return undefined
    if (parse.kind === 'json') return prettyJson(text)
    return undefined
  }, [text, parse])
  const fields = useMemo(
    () => (text !== undefined && parse.kind === 'form' ? formFields(text) : undefined),
    [text, parse.kind],
  )
  const views: View[] = [
    ...(pretty !== undefined || fields ? (['pretty'] as const) : []),
    ...(text !== undefined ? (['raw'] as const) : []),
    'hex',
  ]
  const [chosen, setChosen] = useState<View>()
  const view = chosen && views.includes(chosen) ? chosen : (views[0] as View)

  if (body.size === 0) return <p className="muted">No body (0 bytes).</p>
  return (
    <div className="body-view">
      <div className="body-tabs" role="tablist" aria-label="Body view">
        {views.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={v === view}
            className="body-tab"
            onClick={() => setChosen(v)}
          >
            {v === 'pretty' ? 'Pretty' : v === 'raw' ? 'Raw' : 'Hex'}
          </button>
        ))}
        <span className="muted small body-meta">
          {formatBytes(body.size)} · {body.encoding === 'utf8' ? 'UTF-8 text' : 'not UTF-8: bytes'}
          {capture.contentType ? ` · ${capture.contentType}` : ' · no Content-Type'}
        </span>
      </div>
      {body.truncated && (
        <p className="callout callout-warning small">
          Oversize: {formatBytes(body.size)} arrived, over the receiver’s body limit. It answered
          413 and kept the first {formatBytes(bodyBytes(body).length)}.
        </p>
      )}
      {!parse.ok && parse.error && (
        <p className="form-error small" data-testid="parse-error">
          Not valid {parse.kind.toUpperCase()}: {parse.error.message}
          {parse.error.at && ` (line ${parse.error.at.line}, column ${parse.error.at.column})`}
        </p>
      )}
      {view === 'pretty' && pretty !== undefined && <pre className="body-code">{pretty}</pre>}
      {view === 'pretty' && fields && <KeyValueTable pairs={fields} />}
      {view === 'raw' && text !== undefined && (
        <RawText text={text} errorAt={parse.ok ? null : (parse.error?.at ?? null)} />
      )}
      {view === 'hex' && <HexView capture={capture} />}
    </div>
  )
}

function RawText({
  text,
  errorAt,
}: {
  text: string
  errorAt: { line: number; column: number } | null
}) {
  const [all, setAll] = useState(false)
  const shown = all ? text : text.slice(0, TEXT_PREVIEW_CHARS)
  const lines = useMemo(() => shown.split('\n'), [shown])
  const more = text.length - shown.length
  return (
    <>
      {lines.length > GUTTER_MAX_LINES ? (
        <pre className="body-code">{shown}</pre>
      ) : (
        <pre className="body-code with-gutter" data-testid="raw-body">
          {lines.map((line, index) => {
            const isError = errorAt?.line === index + 1
            return (
              <span key={index} className={isError ? 'body-line is-error' : 'body-line'}>
                <span className="gutter" aria-hidden="true">
                  {index + 1}
                </span>
                {line}
                {isError && (
                  <span className="error-caret" aria-label={`Error at column ${errorAt.column}`}>
                    <span className="gutter" aria-hidden="true" />
                    {' '.repeat(Math.max(errorAt.column - 1, 0))}^
                  </span>
                )}
              </span>
            )
          })}
        </pre>
      )}
      {more > 0 && (
        <button type="button" className="button button-small" onClick={() => setAll(true)}>
          Show the remaining {formatBytes(more)}
        </button>
      )}
    </>
  )
}

function HexView({ capture }: { capture: Capture }) {
  const bytes = useMemo(() => bodyBytes(capture.request.body), [capture])
  return (
    <>
      <pre className="body-code hex">{hexDump(bytes)}</pre>
      {bytes.length > HEX_LIMIT && (
        <p className="muted small">
          The first {formatBytes(HEX_LIMIT)} of {formatBytes(bytes.length)}; Copy as cURL or save to
          a set for the rest.
        </p>
      )}
    </>
  )
}
