import { LoadFromBraze } from './LoadFromBraze'
import { UserImport } from './UserImport'

/** More sample users: one loaded from Braze by external id, or a file of them. */
export function UsersPanel() {
  return (
    <section className="panel users-panel" aria-labelledby="compose-users">
      <h2 id="compose-users">More sample users</h2>
      <div className="users-more">
        <LoadFromBraze />
        <UserImport />
      </div>
    </section>
  )
}
