import { useState } from 'react'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { downloadText } from '../../components/download-text'
import type { ActiveRun } from './replay-store'
import { junitFile, ndjsonFile, type RunFile } from './run-exports'
import { KEPT_RESULTS } from './run-log'

/** A run's download buttons: JUnit XML and NDJSON of its results, HAR of the listed exchanges. */
export function RunExports({ run }: { run: ActiveRun }) {
  const api = useApi()
  const [error, setError] = useState<string>()
  const { summary, log } = run
  const ended = summary !== null && summary.state !== 'running'
  const exchangeIds = run.results.flatMap((r) => (r.exchangeId ? [r.exchangeId] : []))

  const save = (file: RunFile) => downloadText(file.fileName, file.content, file.type)
  const exportHar = async () => {
    setError(undefined)
    try {
      const file = await api.har.export({ exchangeIds, format: 'har' })
      downloadText(file.fileName, file.content, 'application/json')
    } catch (failure) {
      setError(errorText(failure))
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button-small"
        disabled={!ended || log.results.length === 0}
        onClick={() =>
          summary && save(junitFile({ name: run.name, summary, results: log.results }))
        }
        title={ended ? 'One testcase per capture, for CI' : 'Ready when the run ends'}
        data-testid="export-junit"
      >
        Export JUnit
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={!summary || log.results.length === 0}
        onClick={() =>
          summary && save(ndjsonFile({ name: run.name, summary, results: log.results }))
        }
        title="One line per capture"
      >
        Export NDJSON
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={exchangeIds.length === 0}
        onClick={() => void exportHar()}
        title="Every request and answer of the listed results, credentials masked"
      >
        Export HAR
      </button>
      {error && (
        <span className="form-error small" role="alert">
          {error}
        </span>
      )}
    </>
  )
}

/** What the files hold, said plainly when it is not the whole run. */
export function ExportsNote({ run }: { run: ActiveRun }) {
  const { log } = run
  const count = log.results.length
  const cli = <code>bridgebench replay SET_DIR --to sandbox --junit report.xml</code>
  if (log.dropped > 0)
    return (
      <p className="callout callout-warning small" data-testid="exports-note">
        JUnit and NDJSON hold the first {KEPT_RESULTS.toLocaleString()} results; the{' '}
        {log.dropped.toLocaleString()} after them are not in the files. For every result, run the
        set from the CLI: {cli}
      </p>
    )
  const held =
    run.summary?.state === 'running'
      ? `JUnit is ready when the run ends; NDJSON holds the ${count} results so far.`
      : `JUnit and NDJSON hold all ${count} result${count === 1 ? '' : 's'} of this run.`
  return (
    <p className="muted small" data-testid="exports-note">
      {held} HAR holds the exchanges of the results listed. In CI: {cli}
    </p>
  )
}
