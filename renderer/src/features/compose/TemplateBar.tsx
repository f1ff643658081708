import { useState } from 'react'
import type { TemplateView } from '../../../../shared/contract'
import { useCompose } from './compose-store'
import { useLibrary } from './library-store'
import { copyName, useTemplateActions } from './use-template-actions'

const NEW = '__new__'

/** Which template is open and its name; save, save as, new, delete, discard changes. */
export function TemplateBar() {
  const { templates, notice } = useLibrary()
  const templateId = useCompose((s) => s.templateId)
  const templateName = useCompose((s) => s.templateName)
  const builtIn = useCompose((s) => s.builtIn)
  const dirty = useCompose((s) => s.dirty)
  const setTemplateName = useCompose((s) => s.setTemplateName)
  const draft = useCompose((s) => s.draft)
  const { save, saveAs, open, create, discardChanges, remove } = useTemplateActions()
  const [copyAs, setCopyAs] = useState<string | null>(null)

  const groups: Array<[string, TemplateView[]]> = [
    ['Built-in', templates.filter((t) => t.builtIn)],
    ['Saved', templates.filter((t) => !t.builtIn)],
  ]

  // Switching never loses work: unsaved edits stay as the template's draft.
  const pick = (id: string) => {
    if (id === NEW) create()
    else void open(id)
  }

  const confirmSaveAs = async () => {
    if (copyAs === null) return
    if (await saveAs(copyAs.trim())) setCopyAs(null)
  }

  return (
    <section className="panel template-bar" aria-label="Template">
      <div className="template-bar-row">
        <label className="template-choice">
          Template
          <select
            value={templateId ?? NEW}
            onChange={(e) => pick(e.target.value)}
            data-testid="template-picker"
          >
            {groups.map(([group, list]) =>
              list.length === 0 ? null : (
                <optgroup key={group} label={group}>
                  {list.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </optgroup>
              ),
            )}
            {templateId === null && <option value={NEW}>{templateName} (not saved)</option>}
          </select>
        </label>
        {!builtIn && (
          <label className="grow">
            Name
            <input
              value={templateName}
              onChange={(e) => setTemplateName(e.target.value)}
              data-testid="template-name"
            />
          </label>
        )}
        <span className="template-status small" role="status" data-testid="template-status">
          {builtIn && (
            <span
              className="badge"
              title="Braze’s published template, traps included: read-only, so saving makes your own copy."
            >
              read-only
            </span>
          )}{' '}
          {dirty && (
            <span
              className="badge badge-warning"
              title="Kept as a draft in the data folder until you save or discard it"
              data-testid="unsaved-badge"
            >
              {draft?.restored ? 'draft restored' : 'unsaved changes'}
            </span>
          )}{' '}
          {dirty && (
            <button
              type="button"
              className="link-button small"
              onClick={() => void discardChanges()}
              data-testid="discard-changes"
            >
              Discard changes
            </button>
          )}
          {notice && (
            <span className={notice.tone === 'ok' ? 'tone-ok' : 'tone-error'}>{notice.text}</span>
          )}
        </span>
        <div className="actions template-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => void save()}
            title={builtIn ? 'Built-in: saves a copy you can edit' : 'Ctrl/⌘+S'}
          >
            {builtIn ? 'Save a copy' : 'Save'}
          </button>
          <button
            type="button"
            className="button"
            onClick={() =>
              setCopyAs(
                copyName(
                  templateName.trim(),
                  templates.map((t) => t.name),
                ),
              )
            }
          >
            Save as…
          </button>
          <button type="button" className="button" onClick={() => pick(NEW)}>
            New
          </button>
          {templateId !== null && !builtIn && (
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                if (window.confirm(`Delete “${templateName}”? This cannot be undone.`))
                  void remove(templateId)
              }}
            >
              Delete
            </button>
          )}
        </div>
      </div>
      {copyAs !== null && (
        <form
          className="inline-form save-as"
          onSubmit={(e) => {
            e.preventDefault()
            void confirmSaveAs()
          }}
        >
          <label className="grow">
            Save as
            <input
              autoFocus
              value={copyAs}
              onChange={(e) => setCopyAs(e.target.value)}
              aria-label="New template name"
            />
          </label>
          <button type="submit" className="button button-primary" disabled={!copyAs.trim()}>
            Save copy
          </button>
          <button type="button" className="button" onClick={() => setCopyAs(null)}>
            Cancel
          </button>
        </form>
      )}
    </section>
  )
}
