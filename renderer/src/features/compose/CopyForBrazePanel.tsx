import { useState } from 'react'
import type { BrazeHandoff } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { useAppStore } from '../../app/app-store'
import { CopyButton } from '../../components/CopyButton'
import { useCompose } from './compose-store'

/**
 * "Copy for Braze": the exact fields of Braze's webhook composer for this template and the
 * active profile. Secrets stay masked here; the desktop app can copy them without the page
 * ever seeing them.
 */
export function CopyForBrazePanel() {
  const api = useApi()
  const door = useAppStore((s) => s.info?.door)
  const [handoff, setHandoff] = useState<BrazeHandoff | null>(null)
  const [error, setError] = useState<string | null>(null)
  const request = async (copy: 'masked' | 'secrets') => {
    const { body, headers } = useCompose.getState()
    try {
      setError(null)
      setHandoff(
        await api.compose.brazeHandoff({
          body,
          headers: Object.fromEntries(headers.filter((h) => h.name).map((h) => [h.name, h.value])),
          copy,
        }),
      )
    } catch (failure) {
      setError(errorText(failure))
    }
  }
  return (
    <section className="panel" aria-labelledby="copy-for-braze">
      <div className="panel-title-row">
        <h2 id="copy-for-braze">Copy for Braze</h2>
        <span className="actions">
          <button type="button" onClick={() => void request('masked')}>
            Show fields
          </button>
          <button
            type="button"
            disabled={door !== 'desktop'}
            title={
              door === 'desktop'
                ? 'Copies every field, token included, to the clipboard'
                : 'Only the desktop app copies secrets: they never reach this page'
            }
            onClick={() => void request('secrets')}
          >
            Copy with secrets
          </button>
        </span>
      </div>
      {error && <p className="form-error">{error}</p>}
      {handoff && (
        <dl className="handoff" data-testid="braze-handoff">
          {handoff.copied && <p className="tone-ok">Copied with the token (by the desktop app).</p>}
          <dt>Webhook URL</dt>
          <dd>
            <code>{handoff.url}</code> <CopyButton text={handoff.url} />
          </dd>
          <dt>HTTP method</dt>
          <dd>
            <code>{handoff.method}</code>
          </dd>
          {handoff.headers.map((header) => (
            <div key={header.name}>
              <dt>Header {header.name}</dt>
              <dd>
                <code>{header.value}</code>
                {!header.secret && <CopyButton text={header.value} />}
              </dd>
            </div>
          ))}
          <dt>Authorization</dt>
          <dd className="muted small">
            {handoff.authorization.kind === 'oauth-bearer' ? 'OAuth bearer token' : 'API token'}
            {handoff.authorization.expiresAt ? ` · expires ${handoff.authorization.expiresAt}` : ''}
            . {handoff.authorization.note}
          </dd>
          <dt>Raw body</dt>
          <dd>
            <CopyButton text={handoff.body} label="Copy body" />
          </dd>
        </dl>
      )}
    </section>
  )
}
