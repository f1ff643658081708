import { SendButton } from '../tickets/SendButton'
import { useCompose } from './compose-store'
import { CustomUserEditor } from './CustomUserEditor'
import { UserPicker } from './UserPicker'

/** Whom the body renders for, and the one button that sends it: always on the first screen. */
export function RequestBar() {
  const customUser = useCompose((s) => s.customUser)
  const editUser = useCompose((s) => s.editUser)
  return (
    <section className="panel request-bar" aria-label="Sample user and send">
      <div className="request-bar-row">
        <UserPicker />
        <SendButton />
      </div>
      {customUser && (
        <CustomUserEditor
          key={customUser.entry?.id ?? 'new'}
          entry={customUser.entry}
          onClose={() => editUser(undefined)}
        />
      )}
    </section>
  )
}
