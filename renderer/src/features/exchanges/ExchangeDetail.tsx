import { useEffect, useState } from 'react'
import type { Exchange } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { Tabs } from '../../components/Tabs'
import { AttemptView } from './AttemptView'
import { ExchangeDiffs, diffsFor } from './ExchangeDiffs'
import { ForwardPanel } from './ForwardPanel'
import { KIND_LABEL } from './exchange-labels'

type View = 'attempts' | 'diffs' | 'forward'

const AUTHORIZATION_TEXT: Record<Exchange['authorization'], string> = {
  profile: 'the profile’s key, from the vault',
  'as-rendered': 'the template’s header, as rendered',
  capture: 'passed through from the capture',
  none: 'none sent',
}

/** Where the linked records are shown. */
function linkOf(key: string, value: string): string | null {
  if (key === 'captureId') return `#/inbox/${value}`
  if (key === 'ticketId') return '#/simulators'
  return null
}

/** One exchange (mount it with `key={id}`: the chosen view starts afresh per exchange). */
export function ExchangeDetail({ id, reloadKey }: { id: string; reloadKey: string }) {
  const api = useApi()
  const [exchange, setExchange] = useState<Exchange>()
  const [error, setError] = useState<string>()
  const [chosen, setView] = useState<View>()

  useEffect(() => {
    let live = true
    api.exchanges
      .get({ id })
      .then((next) => {
        if (!live) return
        setExchange(next)
        setError(undefined)
      })
      .catch((failure: unknown) => live && setError(errorText(failure)))
    return () => {
      live = false
    }
  }, [api, id, reloadKey])

  if (error)
    return (
      <section className="panel">
        <p className="form-error">{error}</p>
      </section>
    )
  if (!exchange || exchange.id !== id)
    return (
      <section className="panel" aria-busy="true">
        <p className="muted">Reading the exchange…</p>
      </section>
    )
  const views: Array<{ id: View; label: string }> = [
    ...(exchange.forward ? [{ id: 'forward' as const, label: 'Forward & lint' }] : []),
    { id: 'attempts', label: `Attempts (${exchange.attempts.length})` },
    ...(diffsFor(exchange).length ? [{ id: 'diffs' as const, label: 'Diffs' }] : []),
  ]
  const view = chosen && views.some((v) => v.id === chosen) ? chosen : (views[0]?.id ?? 'attempts')
  return (
    <section
      className="panel exchange-detail"
      aria-labelledby="exchange-title"
      data-testid="exchange-detail"
    >
      <div className="panel-title-row">
        <h2 id="exchange-title">{KIND_LABEL[exchange.kind]}</h2>
        <span className="muted small">
          {new Date(exchange.startedAt).toLocaleString()} · <code>{exchange.id}</code>
        </span>
      </div>
      <p className="muted small" data-testid="exchange-authorization">
        Authorization: {AUTHORIZATION_TEXT[exchange.authorization]} · profile{' '}
        <code>{exchange.profileId}</code>
      </p>
      {Object.keys(exchange.correlation).length > 0 && (
        <p className="correlation small">
          {Object.entries(exchange.correlation).map(([key, value]) => {
            const href = linkOf(key, value)
            return (
              <span key={key}>
                {key}{' '}
                {href ? (
                  <a href={href}>
                    <code>{value}</code>
                  </a>
                ) : (
                  <code>{value}</code>
                )}
              </span>
            )
          })}
        </p>
      )}
      <Tabs tabs={views} current={view} onSelect={setView} label="Exchange views" />
      {view === 'attempts' &&
        exchange.attempts.map((a) => <AttemptView key={a.attempt} attempt={a} />)}
      {view === 'diffs' && <ExchangeDiffs key={exchange.id} exchange={exchange} />}
      {view === 'forward' && <ForwardPanel exchange={exchange} onChange={setExchange} />}
    </section>
  )
}
