import type { HeaderRow } from '../../../../shared/contract'
import type { DiffLayout } from './DiffView'

const CHANGE_TEXT: Record<string, string> = {
  added: 'added',
  removed: 'removed',
  value: 'value changed',
  case: 'letter case changed',
  count: 'number of lines changed',
  moved: 'moved',
  credential: 'credential swapped',
}

const lines = (side: HeaderRow['left']) =>
  side ? side.names.map((name, i) => `${name}: ${side.values[i] ?? ''}`).join('\n') : ''

function Badges({ row }: { row: HeaderRow }) {
  return (
    <>
      {row.ignored && <span className="badge badge-info">ignored</span>}
      {row.changes.map((c) => (
        <span key={c} className={`badge badge-${c === 'credential' ? 'warning' : 'info'}`}>
          {CHANGE_TEXT[c] ?? c}
        </span>
      ))}
      {row.note && <span className="muted small"> {row.note}</span>}
    </>
  )
}

/** Header rows by name; by default only those that differ and count. */
export function HeaderRows({
  rows,
  layout,
  showAll,
}: {
  rows: HeaderRow[]
  layout: DiffLayout
  showAll: boolean
}) {
  const shown = showAll ? rows : rows.filter((r) => r.changes.length > 0 && !r.ignored)
  const hidden = rows.length - shown.length
  return (
    <>
      {shown.length === 0 ? (
        <p className="muted" data-testid="headers-same">
          No header differs.
        </p>
      ) : layout === 'side-by-side' ? (
        <table className="table diff-headers" data-testid="header-diff">
          <tbody>
            {shown.map((row) => (
              <tr
                key={row.name}
                className={row.ignored ? 'diff-ignored' : row.changes.length ? 'diff-changed' : ''}
                data-header={row.name}
              >
                <td>
                  <pre>{lines(row.left)}</pre>
                </td>
                <td>
                  <pre>{lines(row.right)}</pre>
                </td>
                <td>
                  <Badges row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <ul className="diff-inline" data-testid="header-diff">
          {shown.map((row) => (
            <li key={row.name} data-header={row.name}>
              {row.left && row.changes.length > 0 && (
                <pre className="diff-line-delete">− {lines(row.left)}</pre>
              )}
              {row.right && (
                <pre
                  className={row.changes.length ? 'diff-line-insert' : ''}
                >{`${row.changes.length ? '+' : ' '} ${lines(row.right)}`}</pre>
              )}
              <Badges row={row} />
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <p className="muted small">
          {hidden} header{hidden === 1 ? '' : 's'} the same or ignored (signatures, timestamps,
          hop-by-hop).
        </p>
      )}
    </>
  )
}
