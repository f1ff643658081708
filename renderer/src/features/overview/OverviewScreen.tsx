import type { AppInfo } from '../../../../shared/contract'
import { useAppStore } from '../../app/app-store'
import { CopyButton } from '../../components/CopyButton'

function StorageBadge({ storage }: { storage: AppInfo['secretStorage'] }) {
  const tone = storage.locked ? 'warning' : storage.strength === 'strong' ? 'ok' : 'warning'
  const text = storage.locked ? 'locked' : storage.strength
  return <span className={`badge badge-${tone}`}>{text}</span>
}

export function OverviewScreen() {
  const info = useAppStore((s) => s.info)
  if (!info) {
    return (
      <section className="panel" aria-busy="true">
        <p className="muted">Loading engine details…</p>
      </section>
    )
  }
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
          <dd data-testid="active-profile">{info.activeProfile.name}</dd>
          <dt>Data folder</dt>
          <dd className="with-action">
            <code data-testid="data-folder">{info.dataFolder}</code>
            <CopyButton text={info.dataFolder} />
          </dd>
          <dt>Secret storage</dt>
          <dd data-testid="secret-storage">
            {info.secretStorage.label} <StorageBadge storage={info.secretStorage} />
            <div className="muted small">{info.secretStorage.detail}</div>
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
          Use the navigation on the left (or {navigator.platform.includes('Mac') ? '⌘' : 'Ctrl+'}
          1…9) to move between screens. The Sandbox profile needs no account: it runs against the
          built-in simulators.
        </p>
      </section>
    </div>
  )
}
