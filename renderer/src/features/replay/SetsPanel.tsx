import { useState, type ChangeEvent, type FormEvent } from 'react'
import { captureSetRef, type ExportFormat } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { downloadText } from '../../components/download-text'
import { useReplay } from './replay-store'

const TYPES: Record<ExportFormat, string> = {
  har: 'application/json',
  ndjson: 'application/x-ndjson',
}

/** Capture sets: folders in the data folder a QA team can commit; made from the inbox or a HAR. */
export function SetsPanel() {
  const api = useApi()
  const { sets, chosenSet, chooseSet, loadSets } = useReplay()
  const [name, setName] = useState('')
  const [route, setRoute] = useState('')
  const [note, setNote] = useState<string>()
  const [error, setError] = useState<string>()
  const nameProblem = name
    ? captureSetRef.shape.name.safeParse(name).error?.issues[0]?.message
    : undefined

  const act = async (work: () => Promise<string>) => {
    setError(undefined)
    setNote(undefined)
    try {
      setNote(await work())
      await loadSets(api)
    } catch (failure) {
      setError(errorText(failure))
    }
  }

  const save = (event: FormEvent) => {
    event.preventDefault()
    void act(async () => {
      const info = await api.captures.saveSet({ name, query: route ? { route } : {} })
      chooseSet(info.name)
      setName('')
      return `Saved ${info.count} captures as “${info.name}” in ${info.folder}.`
    })
  }

  const importHar = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    const setName = name || file.name.replace(/\.har$/i, '').replace(/[^A-Za-z0-9._-]/g, '-')
    void act(async () => {
      const result = await api.har.import({ text: await file.text(), set: setName })
      if (result.set) chooseSet(result.set.name)
      const skipped = result.skipped.length ? `, ${result.skipped.length} skipped` : ''
      return `Imported ${result.imported} requests from ${result.creator} as “${setName}”${skipped}.`
    })
  }

  const exportSet = (format: ExportFormat) => {
    if (!chosenSet) return
    void act(async () => {
      const file = await api.har.export({ set: chosenSet, format })
      downloadText(file.fileName, file.content, TYPES[format])
      return `Exported ${file.entries} entries as ${file.fileName} (credentials masked).`
    })
  }

  return (
    <section className="panel" aria-labelledby="sets-title">
      <h2 id="sets-title">Capture sets</h2>
      {sets.length === 0 ? (
        <div className="empty" data-testid="sets-empty">
          <p>
            <strong>No capture sets yet.</strong> A set is a folder of captured requests to replay,
            in CI too (<code>bridgebench replay SET_DIR</code>).
          </p>
          <p className="muted">
            Capture webhooks in the <a href="#/inbox">Inbox</a> (solve a ticket in{' '}
            <a href="#/simulators">Simulators</a>), then save them below — or import a HAR file from
            a browser, Postman or HTTP Toolkit.
          </p>
        </div>
      ) : (
        <ul className="set-list" role="listbox" aria-label="Capture sets" data-testid="set-list">
          {sets.map((s) => (
            <li
              key={s.name}
              role="option"
              aria-selected={s.name === chosenSet}
              className="list-item"
              tabIndex={0}
              onClick={() => chooseSet(s.name)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && chooseSet(s.name)}
            >
              <span className="list-item-title">{s.name}</span>
              <span className="list-item-sub">
                {s.count} capture{s.count === 1 ? '' : 's'} · <code>{s.folder}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
      {chosenSet && (
        <div className="actions">
          <button type="button" className="button button-small" onClick={() => exportSet('har')}>
            Export HAR
          </button>
          <button type="button" className="button button-small" onClick={() => exportSet('ndjson')}>
            Export NDJSON
          </button>
        </div>
      )}
      <form className="set-form" onSubmit={save}>
        <label className="field">
          New set name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="solved-tickets"
            aria-invalid={Boolean(nameProblem)}
            data-testid="set-name"
          />
        </label>
        <label className="field">
          Only route (optional)
          <input value={route} onChange={(e) => setRoute(e.target.value)} placeholder="sandbox" />
        </label>
        {nameProblem && <p className="form-error small">{nameProblem}</p>}
        <div className="actions">
          <button
            type="submit"
            className="button button-small"
            disabled={!name || Boolean(nameProblem)}
            data-testid="save-set"
          >
            Save inbox captures as set
          </button>
          <label className="button button-small file-button">
            Import HAR…
            <input type="file" accept=".har,application/json" onChange={importHar} hidden />
          </label>
        </div>
      </form>
      {note && (
        <p className="muted small" role="status" data-testid="sets-note">
          {note}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
