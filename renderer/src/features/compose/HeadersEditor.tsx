import type { Problem } from '../../../../shared/contract'
import { headerRow, useCompose } from './compose-store'

/** The id of a header's value input, so a lint problem in that header can focus it. */
export function headerInputId(name: string): string {
  return `header-value-${name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')}`
}

/**
 * Request headers as Braze's webhook composer has them: name and value pairs, each value a
 * Liquid template (e.g. Basic auth built with base64_encode).
 */
export function HeadersEditor({ problems }: { problems: readonly Problem[] }) {
  const headers = useCompose((s) => s.headers)
  const setHeaders = useCompose((s) => s.setHeaders)
  const names = headers.map((h) => h.name.trim().toLowerCase()).filter(Boolean)
  const repeated = names.find((name, index) => names.indexOf(name) !== index)
  const withProblems = new Set(
    problems.flatMap((p) =>
      p.source?.startsWith('header:') ? [p.source.slice(7).toLowerCase()] : [],
    ),
  )
  const change = (key: string, patch: { name?: string; value?: string }) =>
    setHeaders(headers.map((h) => (h.key === key ? { ...h, ...patch } : h)))

  return (
    <section className="headers-editor" aria-label="Request headers">
      <p className="muted small">
        Request headers, as in Braze’s webhook composer: each value is a Liquid template too,
        rendered with the body and sent as rendered.
      </p>
      {headers.length === 0 && (
        <p className="muted small">
          No headers yet. Zendesk needs <code>Authorization</code> and{' '}
          <code>Content-Type: application/json</code>.
        </p>
      )}
      {headers.map((header, index) => (
        <div key={header.key} className="header-row">
          <input
            aria-label={`Header ${index + 1} name`}
            placeholder="Name"
            value={header.name}
            onChange={(e) => change(header.key, { name: e.target.value })}
          />
          <input
            id={headerInputId(header.name)}
            aria-label={`${header.name || `Header ${index + 1}`} value`}
            aria-invalid={withProblems.has(header.name.trim().toLowerCase()) || undefined}
            placeholder="Value, e.g. Bearer {{ … }}"
            className="mono"
            value={header.value}
            onChange={(e) => change(header.key, { value: e.target.value })}
          />
          <button
            type="button"
            className="button button-small"
            aria-label={`Remove header ${header.name || index + 1}`}
            onClick={() => setHeaders(headers.filter((h) => h.key !== header.key))}
          >
            Remove
          </button>
        </div>
      ))}
      {repeated && (
        <p className="form-error small">
          “{repeated}” appears twice; only the last one is sent. Remove one of them.
        </p>
      )}
      <div>
        <button
          type="button"
          className="button button-small"
          onClick={() => setHeaders([...headers, headerRow()])}
        >
          Add header
        </button>
      </div>
    </section>
  )
}
