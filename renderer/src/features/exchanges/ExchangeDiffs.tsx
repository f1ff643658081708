import { useEffect, useState } from 'react'
import type { ApiClient, Exchange, ExpectedDiff, MessageDiff } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { Tabs } from '../../components/Tabs'
import { DiffView } from './DiffView'

type DiffId = 'forwarded' | 'expected' | 'replayed'

const DIFF_LABEL: Record<DiffId, string> = {
  forwarded: 'Captured vs forwarded',
  expected: 'Expected vs actual',
  replayed: 'Original vs replayed',
}

/** The diffs that mean something for this kind of exchange. */
export function diffsFor(exchange: Exchange): DiffId[] {
  if (exchange.kind === 'forward') return ['forwarded', 'expected']
  if (exchange.kind === 'replay') return ['replayed']
  return []
}

type Loaded = { diff: MessageDiff; expected?: Omit<ExpectedDiff, 'diff'> }
type Outcome = Loaded | { error: string }

async function loadDiff(
  api: ApiClient,
  id: DiffId,
  exchangeId: string,
  captureId: string | undefined,
): Promise<Loaded> {
  if (id === 'forwarded') return { diff: await api.diffs.forwarded({ exchangeId }) }
  if (id === 'replayed') return { diff: await api.diffs.replayed({ exchangeId }) }
  if (!captureId) throw new Error('This exchange names no capture to compare with its template.')
  const { diff, ...expected } = await api.diffs.expected({ captureId })
  return { diff, expected }
}

/**
 * The exchange's diffs as tabs, each computed by the engine (off its serving thread) when first
 * shown, and again once a forward in flight is done. Mount with `key={exchange.id}`.
 */
export function ExchangeDiffs({ exchange }: { exchange: Exchange }) {
  const api = useApi()
  const available = diffsFor(exchange)
  const [current, setCurrent] = useState<DiffId | undefined>(available[0])
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({})
  const captureId = exchange.forward?.captureId ?? exchange.correlation.captureId
  const slot = `${current}:${exchange.state}`

  useEffect(() => {
    if (!current) return
    let live = true
    const settle = (outcome: Outcome) => live && setOutcomes((o) => ({ ...o, [slot]: outcome }))
    loadDiff(api, current, exchange.id, captureId)
      .then(settle)
      .catch((failure: unknown) => settle({ error: errorText(failure) }))
    return () => {
      live = false
    }
  }, [api, current, exchange.id, captureId, slot])

  const outcome = outcomes[slot]
  const error = outcome && 'error' in outcome ? outcome.error : undefined
  const loaded = outcome && 'diff' in outcome ? outcome : undefined

  if (!current) return <p className="muted">No diff applies to this kind of exchange.</p>
  return (
    <div className="exchange-diffs">
      <Tabs
        tabs={available.map((id) => ({ id, label: DIFF_LABEL[id] }))}
        current={current}
        onSelect={setCurrent}
        label="Diffs"
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!loaded && !error && <p className="muted">Comparing…</p>}
      {loaded?.expected && (
        <div className="muted small">
          <p>
            Template: {loaded.expected.templateSource}
            {loaded.expected.ticketId !== null &&
              ` · rendered for ticket #${loaded.expected.ticketId}`}
          </p>
          {loaded.expected.problems.map((p, i) => (
            <p key={i} className="notice-warning">
              {p.message}
            </p>
          ))}
        </div>
      )}
      {loaded && <DiffView diff={loaded.diff} />}
    </div>
  )
}
