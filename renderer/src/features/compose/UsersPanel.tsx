import { useState } from 'react'
import type { SampleUserEntry } from '../../../../shared/contract'
import { CustomUserEditor } from './CustomUserEditor'
import { LoadFromBraze } from './LoadFromBraze'
import { UserImport } from './UserImport'
import { UserPicker } from './UserPicker'

/** Whom the preview renders for, and every way to get more sample users. */
export function UsersPanel() {
  const [editing, setEditing] = useState<{ entry: SampleUserEntry | null } | null>(null)
  return (
    <section className="panel users-panel" aria-labelledby="compose-users">
      <h2 id="compose-users">Sample user</h2>
      <UserPicker onEdit={(entry) => setEditing({ entry })} />
      {editing && (
        <CustomUserEditor
          key={editing.entry?.id ?? 'new'}
          entry={editing.entry}
          onClose={() => setEditing(null)}
        />
      )}
      <div className="users-more">
        <LoadFromBraze />
        <UserImport />
      </div>
    </section>
  )
}
