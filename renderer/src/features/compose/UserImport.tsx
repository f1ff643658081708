import { errorText } from '../../api/error-text'
import { useRef, useState } from 'react'
import type { Problem, UserImportEvent, UserImportFormat } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { useCompose } from './compose-store'
import { useLibrary } from './library-store'

function formatOf(name: string, text: string): UserImportFormat {
  if (/\.csv$/i.test(name)) return 'csv'
  if (/\.json$/i.test(name)) return 'json'
  return /^\s*[[{]/.test(text) ? 'json' : 'csv'
}

type Progress = Extract<UserImportEvent, { type: 'progress' }>

function progressText({ stage, done, total }: Progress): string {
  const n = (value: number) => value.toLocaleString()
  if (stage === 'saving') return `Saving ${n(total)} user${total === 1 ? '' : 's'}…`
  return total > 0 ? `Reading rows: ${n(done)} of ${n(total)}…` : 'Reading the file…'
}

/**
 * Import users from a Braze export (JSON) or a CSV; rows that cannot be read are listed. A big
 * file shows how far the import got (it is read in a worker, then saved).
 */
export function UserImport() {
  const api = useApi()
  const input = useRef<HTMLInputElement>(null)
  const [outcome, setOutcome] = useState<{ file: string; count: number; problems: Problem[] }>()
  const [progress, setProgress] = useState<Progress>()
  const [error, setError] = useState<string>()

  const importFile = async (file: File) => {
    setError(undefined)
    setOutcome(undefined)
    setProgress({ type: 'progress', stage: 'reading', done: 0, total: 0 })
    try {
      const text = await file.text()
      for await (const event of await api.users.import({
        format: formatOf(file.name, text),
        text,
      })) {
        if (event.type === 'progress') {
          setProgress(event)
          continue
        }
        await useLibrary.getState().reloadUsers(api)
        if (event.first) useCompose.getState().selectUser(event.first.id, event.first.label)
        setOutcome({ file: file.name, count: event.count, problems: event.problems })
      }
    } catch (failure) {
      setError(errorText(failure))
    } finally {
      setProgress(undefined)
    }
  }

  return (
    <div className="user-import">
      <input
        ref={input}
        type="file"
        accept=".json,.csv,application/json,text/csv"
        className="visually-hidden"
        aria-label="Users file (JSON or CSV)"
        data-testid="user-import-file"
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) void importFile(file)
        }}
      />
      <div className="row">
        <button
          type="button"
          className="button button-small"
          disabled={progress !== undefined}
          onClick={() => input.current?.click()}
        >
          Import users…
        </button>
        <span className="muted small">
          A Braze export (JSON), or a CSV with a header row (<code>address.city</code> columns
          nest).
        </span>
      </div>
      {progress && (
        <div className="small" role="status" data-testid="user-import-progress">
          <progress
            max={progress.total || undefined}
            value={progress.stage === 'reading' && progress.total ? progress.done : undefined}
            aria-label="Importing users"
          />{' '}
          <span className="muted">{progressText(progress)}</span>
        </div>
      )}
      {error && (
        <p className="form-error small" role="alert">
          {error}
        </p>
      )}
      {outcome && (
        <div className="import-outcome small" role="status">
          <p className={outcome.count > 0 ? 'tone-ok' : 'tone-error'}>
            Imported {outcome.count} user{outcome.count === 1 ? '' : 's'} from {outcome.file}
            {outcome.problems.length > 0 &&
              ` · ${outcome.problems.length} problem${outcome.problems.length === 1 ? '' : 's'}`}
          </p>
          {outcome.problems.length > 0 && (
            <ul className="import-problems">
              {outcome.problems.map((p, index) => (
                <li key={index}>
                  <span className={`badge badge-${p.severity === 'error' ? 'error' : 'warning'}`}>
                    {p.severity}
                  </span>{' '}
                  {p.line !== null && (
                    <code>
                      {outcome.file}:{p.line}:{p.column ?? 1}
                    </code>
                  )}{' '}
                  {p.message} <span className="muted">{p.fix}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}
