import { storageBadge } from '../connections/storage-badge'
import type { AppInfo } from '../../../../shared/contract'
import { useAppStore } from '../../app/app-store'
import { CopyButton } from '../../components/CopyButton'

function StorageBadge({ storage }: { storage: AppInfo['secretStorage'] }) {
  const { tone, text } = storageBadge(storage)
  return <span className={`badge ${tone}`}>{text}</span>
}

export function OverviewScreen() {
  const info = useAppStore((s) => s.info)
  const status = useAppStore((s) => s.status)
  if (!info) {
    return (
      <section className="panel" aria-busy="true">
        <p className="muted">Loading engine details…</p>
      </section>
    )
  }
  const storage = status?.secretStorage ?? info.secretStorage
  return (
    <div className="stack">
      <section className="panel" aria-labelledby="engine-heading">
        <h2 id="engine-heading">This engine</h2>
        <dl className="facts" data-testid="app-info">
          <dt>Version</dt>
          <dd data-testid="app-version">{info.version}</dd>
          <dt>Running as</dt>
          <dd>
            {info.door === 'desktop' ? 'Desktop app' : 'Browser mode (local server on 127.0.0.1)'}
          </dd>
          <dt>Active profile</dt>
          <dd data-testid="active-profile">{(status ?? info).activeProfile.name}</dd>
          <dt>Data folder</dt>
          <dd className="with-action">
            <code data-testid="data-folder">{info.dataFolder}</code>
            <CopyButton text={info.dataFolder} />
          </dd>
          <dt>Secret storage</dt>
          <dd data-testid="secret-storage">
            {storage.label} <StorageBadge storage={storage} />
            <div className="muted small">{storage.detail}</div>
          </dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="loop-heading">
        <h2 id="loop-heading">The loop Bridgebench tests</h2>
        <ol className="loop">
          <li>
            <strong>Braze → Zendesk.</strong> A Braze webhook with a Liquid body creates a Zendesk
            ticket. Preview the body against sample users and lint it before Braze ever sends it.
          </li>
          <li>
            <strong>Zendesk → Braze.</strong> A Zendesk trigger notifies a webhook that posts to
            Braze <code>/users/track</code>. <a href="#/inbox">Capture it on the Inbox</a>, forward
            it, and compare what Braze answered.
          </li>
        </ol>
        <p className="muted">
          Use the navigation on the left, or the shortcut each screen shows there, to move between
          screens. The Sandbox profile needs no account: it runs against the built-in simulators.
        </p>
      </section>
    </div>
  )
}
