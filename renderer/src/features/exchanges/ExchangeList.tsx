import { useEffect, useRef, type KeyboardEvent } from 'react'
import { exchangeKind } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { useExchanges, stepOpen, type KindFilter } from './exchanges-store'
import { KIND_LABEL, summaryStatus, summaryTone } from './exchange-labels'

/** Newest first; ↑/↓ move the open exchange, the filter narrows by kind. */
export function ExchangeList() {
  const api = useApi()
  const { items, kind, openId, nextCursor, setKind, open, more } = useExchanges()
  const list = useRef<HTMLUListElement>(null)

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [openId])

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    stepOpen(event.key === 'ArrowDown' ? 1 : -1)
  }

  return (
    <section className="panel exchange-list" aria-labelledby="exchange-list-title">
      <div className="panel-title-row">
        <h2 id="exchange-list-title">Exchanges</h2>
        <select
          aria-label="Kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as KindFilter)}
          data-testid="exchange-kind"
        >
          <option value="all">All kinds</option>
          {exchangeKind.options.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </div>
      {items.length === 0 ? (
        <div className="empty" data-testid="empty-state">
          <p>
            <strong>No exchanges{kind === 'all' ? '' : ` of kind “${KIND_LABEL[kind]}”`}.</strong>
          </p>
          <p className="muted">
            Every request Bridgebench sends is kept here with each attempt and the answer. Solve a
            ticket in <a href="#/simulators">Simulators</a> with the receiver running to forward a
            webhook to Braze, send a ticket from <a href="#/compose">Compose</a>, or replay a
            capture set in <a href="#/replay">Replay / QA</a>.
          </p>
        </div>
      ) : (
        <ul
          ref={list}
          role="listbox"
          aria-label="Exchanges, newest first"
          tabIndex={0}
          onKeyDown={onKeyDown}
          className="exchange-items"
          data-testid="exchange-list"
        >
          {items.map((item) => (
            <li
              key={item.id}
              role="option"
              aria-selected={item.id === openId}
              className="list-item"
              onClick={() => open(item.id)}
            >
              <span className="list-item-title">
                <span className={`badge badge-${summaryTone(item)}`}>{summaryStatus(item)}</span>
                {KIND_LABEL[item.kind]}
                {item.ticketId !== null && <span className="muted small">#{item.ticketId}</span>}
              </span>
              <span className="list-item-sub">
                {new Date(item.startedAt).toLocaleTimeString()} · {item.attempts} attempt
                {item.attempts === 1 ? '' : 's'}
                {item.message ? ` · ${item.message}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {nextCursor && (
        <button type="button" className="button button-small" onClick={() => void more(api)}>
          Older exchanges
        </button>
      )}
    </section>
  )
}
