import type { BrazeProfileView } from '../../../../shared/contract'

function value(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v)
}

export function BrazeProfilesPanel({ profiles }: { profiles: BrazeProfileView[] }) {
  const recent = [...profiles].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  return (
    <section className="panel" aria-labelledby="sim-braze">
      <h2 id="sim-braze">Simulated Braze profiles</h2>
      <p className="muted small">
        Attributes and events land here when Braze accepts a /users/track call.
      </p>
      <div className="profile-cards" data-testid="sim-braze-profiles">
        {recent.map((profile) => (
          <article key={profile.brazeId} className="profile-card">
            <header>
              <strong>
                {[profile.firstName, profile.lastName].filter(Boolean).join(' ') ||
                  profile.email ||
                  profile.brazeId}
              </strong>
              <span className="muted small">
                {' '}
                {profile.externalId ?? `braze_id ${profile.brazeId}`}
              </span>
            </header>
            <dl className="facts compact">
              {Object.entries(profile.customAttributes).map(([key, v]) => (
                <div key={key} className="fact">
                  <dt>{key}</dt>
                  <dd>{value(v)}</dd>
                </div>
              ))}
            </dl>
            {profile.timeline.length > 0 && (
              <ol className="timeline">
                {[...profile.timeline]
                  .reverse()
                  .slice(0, 5)
                  .map((entry, index) => (
                    <li key={index}>
                      <span className={`badge badge-${entry.kind === 'event' ? 'info' : 'ok'}`}>
                        {entry.kind}
                      </span>{' '}
                      {entry.name}
                      <span className="muted small">
                        {' '}
                        {new Date(entry.receivedAt).toLocaleTimeString()}
                      </span>
                    </li>
                  ))}
              </ol>
            )}
          </article>
        ))}
      </div>
    </section>
  )
}
