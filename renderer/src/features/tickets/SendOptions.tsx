import type { ComposeRenderOutput, SendAuthorization } from '../../../../shared/contract'
import { useCompose } from '../compose/compose-store'
import { useActiveProfile } from './use-active-profile'

const WHY: Record<ComposeRenderOutput['authorization']['header'], string> = {
  missing: 'The template has no Authorization header',
  placeholder: 'The template’s Authorization header still holds a placeholder',
  present: 'The template renders its own Authorization header',
}

/**
 * What a send does to the previewed request besides rendering it: whose Authorization goes
 * out, and the test tag. Both show in the preview before anything is sent.
 */
export function SendOptions({ result }: { result: ComposeRenderOutput }) {
  const profile = useActiveProfile()
  const choice = useCompose((s) => s.authorization)
  const setAuthorization = useCompose((s) => s.setAuthorization)
  const addTestTag = useCompose((s) => s.addTestTag)
  const setAddTestTag = useCompose((s) => s.setAddTestTag)
  const { header, suggested } = result.authorization
  const chosen = choice ?? suggested
  const profileName = profile?.name ?? 'the active profile'

  return (
    <div className="send-options">
      <label className="send-option">
        <span>Authorization sent</span>
        <select
          value={chosen}
          onChange={(e) => setAuthorization(e.target.value as SendAuthorization)}
          data-testid="send-authorization"
        >
          <option value="as-rendered">As rendered by the template (what Braze sends)</option>
          <option value="profile">Replaced with {profileName}’s credentials</option>
        </select>
      </label>
      <p className="muted small" data-testid="authorization-note">
        {WHY[header]}
        {choice === null
          ? suggested === 'profile'
            ? `, so ${profileName}’s credentials go in its place.`
            : ', and it goes out as rendered.'
          : '.'}
      </p>
      <label className="checkbox small">
        <input
          type="checkbox"
          checked={addTestTag}
          onChange={(e) => setAddTestTag(e.target.checked)}
          data-testid="add-test-tag"
        />
        Tag it <code>bridgebench_test</code>: added to <code>ticket.tags</code>, shown above
      </label>
    </div>
  )
}
