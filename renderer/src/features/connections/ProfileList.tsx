import { useConnections } from './connections-store'

export function ProfileList() {
  const { profiles, activeProfileId, selectedId, select, edit } = useConnections()
  return (
    <section className="panel profile-list" aria-labelledby="profiles-heading">
      <div className="panel-title-row">
        <h2 id="profiles-heading">Profiles</h2>
        <button type="button" className="button button-small" onClick={() => edit('new')}>
          New profile
        </button>
      </div>
      <ul role="listbox" aria-label="Profiles">
        {profiles.map((profile) => (
          <li key={profile.id}>
            <button
              type="button"
              role="option"
              aria-selected={profile.id === selectedId}
              className="list-item"
              onClick={() => select(profile.id)}
              data-testid={`profile-${profile.name}`}
            >
              <span className="list-item-title">
                {profile.name}
                {profile.id === activeProfileId && <span className="badge badge-info">active</span>}
                {profile.builtIn && <span className="badge">built-in</span>}
              </span>
              <span className="list-item-sub">
                {profile.zendesk.subdomain
                  ? `${profile.zendesk.subdomain}.zendesk.com`
                  : profile.zendesk.baseUrl || 'simulator'}{' '}
                · {profile.zendesk.auth.mode}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
