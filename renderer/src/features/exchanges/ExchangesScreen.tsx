import { ComparePanel } from './ComparePanel'
import { useExchanges } from './exchanges-store'
import { ExchangeDetail } from './ExchangeDetail'
import { ExchangeList } from './ExchangeList'
import { LintPanel } from './LintPanel'
import { useExchangeAddress, useExchangesLive } from './use-exchanges-live'

export function ExchangesScreen() {
  const { error, reloadKey } = useExchangesLive()
  useExchangeAddress()
  const openId = useExchanges((s) => s.openId)
  const loaded = useExchanges((s) => s.loaded)
  return (
    <div className="stack">
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="split exchanges-split">
        {loaded ? (
          <ExchangeList />
        ) : (
          <section className="panel" aria-busy="true">
            <p className="muted">Reading the exchanges…</p>
          </section>
        )}
        {openId ? (
          <ExchangeDetail key={openId} id={openId} reloadKey={reloadKey} />
        ) : (
          <section className="panel">
            <p className="muted">
              Choose an exchange to see each attempt, Braze’s answer, the lint and the diffs (↑/↓
              move through the list, Esc closes).
            </p>
          </section>
        )}
      </div>
      <LintPanel />
      <ComparePanel />
    </div>
  )
}
