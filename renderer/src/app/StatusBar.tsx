import { useAppStore, type ConnectionState } from './app-store'

function connectionLabel(connection: ConnectionState): string {
  switch (connection.kind) {
    case 'connecting':
      return 'Connecting…'
    case 'connected':
      return 'Engine connected'
    case 'reconnecting':
      return 'Connection dropped: reconnecting…'
    case 'stopped':
      return 'Engine stopped: reconnecting…'
    case 'refused':
      return 'Link expired'
  }
}

/** Live engine state from app.events: connection, profile, each background service. */
export function StatusBar() {
  const { connection, status, info, lastNotice } = useAppStore()
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      <span className={`status-dot status-${connection.kind}`} aria-hidden="true" />
      <span data-testid="connection">{connectionLabel(connection)}</span>
      {status && (
        <span className="status-item" data-testid="status-profile">
          Profile: <strong>{status.activeProfile.name}</strong>
        </span>
      )}
      {/* Service states are only news while the engine can tell them. */}
      {connection.kind === 'connected' &&
        status?.services.map((service) => (
          <span
            key={service.id}
            className={`status-item service-${service.state}`}
            title={service.detail}
          >
            {service.label}: {service.state}
          </span>
        ))}
      {lastNotice && (
        <span className={`status-item notice-${lastNotice.level}`}>{lastNotice.message}</span>
      )}
      <span className="status-spacer" />
      {info && (
        <span className="status-item">
          {info.door === 'desktop' ? 'Desktop' : 'Browser mode'} · v{info.version}
        </span>
      )}
    </footer>
  )
}
