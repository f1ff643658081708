import { useState } from 'react'
import type { HeaderRow, MessageDiff, TextHunk } from '../../../../shared/contract'
import { HeaderRows } from './HeaderRows'
import { JsonChanges } from './JsonChanges'

export type DiffLayout = 'side-by-side' | 'inline'

function TextHunks({ hunks, layout }: { hunks: TextHunk[]; layout: DiffLayout }) {
  return (
    <div className="diff-hunks">
      {hunks.map((hunk) => (
        <table key={`${hunk.leftStart}-${hunk.rightStart}`} className={`diff-text diff-${layout}`}>
          <caption className="muted small">
            @@ −{hunk.leftStart},{hunk.leftLines} +{hunk.rightStart},{hunk.rightLines} @@
          </caption>
          <tbody>
            {hunk.lines.map((line, i) =>
              layout === 'inline' ? (
                <tr key={i} className={`diff-line-${line.op}`}>
                  <td className="diff-gutter">{line.left ?? ''}</td>
                  <td className="diff-gutter">{line.right ?? ''}</td>
                  <td className="diff-code">
                    {line.op === 'insert' ? '+ ' : line.op === 'delete' ? '− ' : '  '}
                    {line.text}
                  </td>
                </tr>
              ) : (
                <tr key={i} className={`diff-line-${line.op}`}>
                  <td className="diff-gutter">{line.left ?? ''}</td>
                  <td className="diff-code">{line.op === 'insert' ? '' : line.text}</td>
                  <td className="diff-gutter">{line.right ?? ''}</td>
                  <td className="diff-code">{line.op === 'delete' ? '' : line.text}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      ))}
    </div>
  )
}

function headerSummary(rows: HeaderRow[]): string {
  const changed = rows.filter((r) => r.changes.length > 0 && !r.ignored)
  if (changed.length === 0) return 'Headers: no difference.'
  return `Headers: ${changed.map((r) => `${r.name} (${r.changes.join(', ')})`).join('; ')}.`
}

/**
 * One diff of two HTTP messages: the start lines, the headers by name (case-insensitive, with
 * case, order and credential changes) and the body (JSON changes by path, a line diff for text,
 * sizes and digests for bytes). Side by side or inline; what the ignore rules leave out is
 * listed but only shown on request.
 */
export function DiffView({ diff }: { diff: MessageDiff }) {
  const [layout, setLayout] = useState<DiffLayout>('side-by-side')
  const [showAll, setShowAll] = useState(false)
  const { body } = diff
  return (
    <div className="diff" data-testid="diff-view">
      <div className="diff-toolbar">
        <p className={`diff-verdict ${diff.identical ? 'tone-ok' : ''}`} data-testid="diff-verdict">
          {diff.identical
            ? 'Identical, apart from what the ignore rules leave out.'
            : headerSummary(diff.headers.rows)}
        </p>
        <div className="segmented" role="group" aria-label="Diff layout">
          {(['side-by-side', 'inline'] as const).map((l) => (
            <button
              key={l}
              type="button"
              className="button button-small"
              aria-pressed={layout === l}
              onClick={() => setLayout(l)}
            >
              {l === 'side-by-side' ? 'Side by side' : 'Inline'}
            </button>
          ))}
        </div>
        <label className="checkbox small">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
          Show unchanged and ignored
        </label>
      </div>
      <table className="diff-start">
        <thead>
          <tr>
            <th>{diff.left.label}</th>
            <th>{diff.right.label}</th>
            <th aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          <tr className={diff.startLineChanged ? 'diff-changed' : ''}>
            <td>
              <code>{diff.left.startLine}</code>
            </td>
            <td>
              <code>{diff.right.startLine}</code>
            </td>
            <td />
          </tr>
        </tbody>
      </table>
      {diff.notes.length > 0 && (
        <ul className="diff-notes muted small">
          {diff.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <h4>
        Headers{' '}
        <span className="muted small">
          {diff.headers.changed} differ{diff.headers.orderChanged ? ' · order changed' : ''}
        </span>
      </h4>
      <HeaderRows rows={diff.headers.rows} layout={layout} showAll={showAll} />
      <h4>Body</h4>
      {body.mode === 'json' && (
        <JsonChanges
          changes={body.changes}
          ignored={showAll ? body.ignored : []}
          more={body.moreChanges}
          layout={layout}
        />
      )}
      {body.mode === 'text' &&
        (body.hunks.length === 0 ? (
          <p className="muted" data-testid="body-same">
            The bodies are the same.
          </p>
        ) : (
          <>
            <p className="muted small">
              {body.inserted} line{body.inserted === 1 ? '' : 's'} added, {body.deleted} removed
            </p>
            <TextHunks hunks={body.hunks} layout={layout} />
          </>
        ))}
      {body.mode === 'binary' && (
        <p className="muted">
          Bytes, not text: {body.leftSize} vs {body.rightSize} bytes;{' '}
          {body.leftSha256 === body.rightSha256 ? 'the same bytes' : 'different bytes'} (SHA-256{' '}
          <code>{body.leftSha256.slice(0, 12)}</code> / <code>{body.rightSha256.slice(0, 12)}</code>
          ).
        </p>
      )}
      {body.mode === 'too-large' && (
        <p className="muted">
          Too large to compare here ({body.leftSize} and {body.rightSize} bytes): use{' '}
          <code>bridgebench diff</code> on the files.
        </p>
      )}
    </div>
  )
}
