import { useState } from 'react'
import { signatureVerdict, type SignatureVerdict } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { SaveSetForm } from './SaveSetForm'
import { NO_FILTERS, TIME_WINDOWS, hasFilters, toQuery, type TimeWindow } from './capture-filters'
import { idsMatching, removeCaptures, useInbox } from './inbox-store'

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']

/** Search, filters, and what to do with the selected or filtered captures. */
export function CaptureToolbar() {
  const api = useApi()
  const filters = useInbox((s) => s.filters)
  const routes = useInbox((s) => s.settings?.routes)
  const checked = useInbox((s) => s.checked)
  const shown = useInbox((s) => s.items.length)
  const more = useInbox((s) => s.nextCursor !== null)
  const stored = useInbox((s) => s.status?.captures ?? s.total)
  const setFilters = useInbox((s) => s.setFilters)
  const [pending, setPending] = useState<'delete' | 'save' | null>(null)
  const [message, setMessage] = useState<string>()
  const filtered = hasFilters(filters)
  const selection = checked.size > 0

  const deleteNow = async () => {
    setPending(null)
    try {
      const ids = selection ? [...checked] : await idsMatching(api, filters)
      const removed = await removeCaptures(api, ids)
      setMessage(`Deleted ${removed} capture${removed === 1 ? '' : 's'}.`)
      useInbox.getState().setChecked([])
    } catch (error) {
      setMessage(errorText(error))
    }
  }

  return (
    <div className="capture-toolbar">
      <div className="filter-row" role="search">
        <label className="search-field">
          <span className="visually-hidden">Search captures</span>
          <input
            id="capture-search"
            type="search"
            placeholder="Search route, path, body…"
            value={filters.search}
            onChange={(event) => setFilters({ search: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Escape') event.currentTarget.blur()
              if (event.key === 'Enter' || event.key === 'ArrowDown')
                document.getElementById('capture-viewport')?.focus()
            }}
          />
          <kbd aria-hidden="true">/</kbd>
        </label>
        <select
          aria-label="Route"
          value={filters.route}
          onChange={(event) => setFilters({ route: event.target.value })}
        >
          <option value="">All routes</option>
          {routes?.map((route) => (
            <option key={route.name} value={route.name}>
              /hooks/{route.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Method"
          value={filters.method}
          onChange={(event) => setFilters({ method: event.target.value })}
        >
          <option value="">Any method</option>
          {METHODS.map((method) => (
            <option key={method}>{method}</option>
          ))}
        </select>
        <select
          aria-label="Signature"
          value={filters.verdict}
          onChange={(event) => setFilters({ verdict: event.target.value as SignatureVerdict | '' })}
        >
          <option value="">Any signature</option>
          {signatureVerdict.options.map((verdict) => (
            <option key={verdict}>{verdict}</option>
          ))}
        </select>
        <select
          aria-label="Body"
          value={filters.parse}
          onChange={(event) => setFilters({ parse: event.target.value as 'ok' | 'error' | '' })}
        >
          <option value="">Any body</option>
          <option value="ok">Parses</option>
          <option value="error">Parse error</option>
        </select>
        <select
          aria-label="Time"
          value={filters.window}
          onChange={(event) => setFilters({ window: event.target.value as TimeWindow })}
        >
          {Object.entries(TIME_WINDOWS).map(([key, window]) => (
            <option key={key} value={key}>
              {window.label}
            </option>
          ))}
        </select>
        <input
          className="invocation-filter mono"
          aria-label="Invocation id"
          placeholder="Invocation id"
          value={filters.invocationId}
          onChange={(event) => setFilters({ invocationId: event.target.value })}
        />
        {filtered && (
          <button type="button" className="link-button" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        )}
      </div>
      <div className="selection-row">
        <span className="muted small" data-testid="capture-count">
          {shown.toLocaleString()}
          {more ? '+' : ''} shown · {stored.toLocaleString()} stored
          {selection && ` · ${checked.size} selected`}
        </span>
        <span className="status-spacer" />
        {selection && (
          <button
            type="button"
            className="link-button"
            onClick={() => useInbox.getState().setChecked([])}
          >
            Clear selection
          </button>
        )}
        <button
          type="button"
          className="button button-small"
          disabled={shown === 0}
          onClick={() => setPending('save')}
        >
          {selection
            ? `Save ${checked.size} to set…`
            : filtered
              ? 'Save matching to set…'
              : 'Save all to set…'}
        </button>
        <button
          type="button"
          className="button button-small button-danger"
          disabled={shown === 0}
          onClick={() => setPending('delete')}
        >
          {selection
            ? `Delete ${checked.size} selected…`
            : filtered
              ? 'Delete matching…'
              : 'Delete all…'}
        </button>
      </div>
      {pending === 'delete' && (
        <div className="confirm-row" role="alertdialog" aria-label="Confirm delete">
          <span>
            {selection
              ? `Delete ${checked.size} selected capture${checked.size === 1 ? '' : 's'}?`
              : filtered
                ? 'Delete every capture matching these filters?'
                : `Delete all ${stored.toLocaleString()} captures?`}{' '}
            This cannot be undone.
          </span>
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() => void deleteNow()}
          >
            Delete
          </button>
          <button type="button" className="button button-small" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      )}
      {pending === 'save' && (
        <SaveSetForm
          what={selection ? { ids: [...checked] } : { query: toQuery(filters, new Date()) }}
          onDone={() => setPending(null)}
        />
      )}
      {message && (
        <p className="muted small" role="status">
          {message}
        </p>
      )}
    </div>
  )
}
