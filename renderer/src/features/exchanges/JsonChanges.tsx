import type { IgnoredChange, JsonChange } from '../../../../shared/contract'
import type { DiffLayout } from './DiffView'

const show = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 1))

/** A JSON body's changes by path, the left and right values side by side or as −/+ lines. */
export function JsonChanges({
  changes,
  ignored,
  more,
  layout,
}: {
  changes: JsonChange[]
  ignored: IgnoredChange[]
  more: number
  layout: DiffLayout
}) {
  if (changes.length === 0 && ignored.length === 0)
    return (
      <p className="muted" data-testid="body-same">
        The bodies are the same (as JSON: key order aside).
      </p>
    )
  return (
    <>
      {changes.length === 0 && <p className="muted">The bodies are the same, apart from:</p>}
      {layout === 'side-by-side' ? (
        <table className="table diff-json" data-testid="json-diff">
          <tbody>
            {changes.map((c) => (
              <tr key={`${c.kind}:${c.path}`} className={`diff-${c.kind}`}>
                <td>
                  <code>{c.path || '(the body)'}</code>
                  <div className="muted small">{c.summary}</div>
                </td>
                <td className="diff-line-delete">
                  <pre>{show(c.left)}</pre>
                </td>
                <td className="diff-line-insert">
                  <pre>{show(c.right)}</pre>
                </td>
              </tr>
            ))}
            {ignored.map((c) => (
              <tr key={`ignored:${c.path}`} className="diff-ignored">
                <td>
                  <code>{c.path}</code>
                </td>
                <td colSpan={2} className="muted small">
                  ignored ({c.rule}): {c.summary}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <ul className="diff-inline" data-testid="json-diff">
          {changes.map((c) => (
            <li key={`${c.kind}:${c.path}`}>
              <code>{c.path || '(the body)'}</code> <span className="muted small">{c.summary}</span>
              {c.left !== undefined && <pre className="diff-line-delete">− {show(c.left)}</pre>}
              {c.right !== undefined && <pre className="diff-line-insert">+ {show(c.right)}</pre>}
            </li>
          ))}
          {ignored.map((c) => (
            <li key={`ignored:${c.path}`} className="diff-ignored muted small">
              <code>{c.path}</code> ignored ({c.rule}): {c.summary}
            </li>
          ))}
        </ul>
      )}
      {more > 0 && <p className="muted small">{more} more changes not listed.</p>}
    </>
  )
}
