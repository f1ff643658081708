import { useEffect, useState } from 'react'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { ResultsPanel } from './ResultsPanel'
import { RunPanel } from './RunPanel'
import { RunsPanel } from './RunsPanel'
import { useReplay } from './replay-store'
import { SetsPanel } from './SetsPanel'

export function ReplayScreen() {
  const api = useApi()
  const { loadSets, loadRuns } = useReplay()
  const [error, setError] = useState<string>()
  useEffect(() => {
    Promise.all([loadSets(api), loadRuns(api)]).catch((failure: unknown) =>
      setError(errorText(failure)),
    )
  }, [api, loadSets, loadRuns])
  return (
    <div className="stack">
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="split replay-split">
        <SetsPanel />
        <RunPanel />
      </div>
      <ResultsPanel />
      <RunsPanel />
    </div>
  )
}
