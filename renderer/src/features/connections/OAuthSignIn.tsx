import { errorText } from '../../api/error-text'
import { useState } from 'react'
import type { ProfileView } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { useAppStore } from '../../app/app-store'
import { useConnections } from './connections-store'

/** Sign-in runs in the system browser; this waits for Zendesk to send the user back. */
export function OAuthSignIn({
  profile,
  onError,
}: {
  profile: ProfileView
  onError: (message: string) => void
}) {
  const api = useApi()
  const door = useAppStore((s) => s.info?.door)
  const { upsert } = useConnections()
  const [waiting, setWaiting] = useState(false)
  const signedIn = profile.secrets.zendeskAccessToken?.set

  const signIn = async () => {
    setWaiting(true)
    try {
      if (profile.zendesk.auth.mode === 'oauth-client') {
        upsert(await api.profiles.oauthClientCredentials({ id: profile.id }))
        return
      }
      const { flowId, authorizeUrl } = await api.profiles.oauthStart({ id: profile.id })
      // The desktop app opens the system browser itself; in browser mode we open a tab.
      if (door !== 'desktop') window.open(authorizeUrl, '_blank', 'noopener')
      upsert(await api.profiles.oauthFinish({ flowId }))
    } catch (failure) {
      onError(errorText(failure))
    } finally {
      setWaiting(false)
    }
  }

  return (
    <div className="callout">
      <p>
        {signedIn ? 'Signed in to Zendesk with OAuth. ' : 'Not signed in yet. '}
        {profile.zendesk.auth.mode === 'oauth-pkce'
          ? 'Bridgebench opens Zendesk in your browser and listens on 127.0.0.1 for the redirect; register http://127.0.0.1/oauth/callback (any port) on your OAuth client.'
          : 'Bridgebench requests a token with the client id and secret.'}
      </p>
      <button
        type="button"
        className="button"
        onClick={() => void signIn()}
        disabled={waiting}
        aria-busy={waiting}
      >
        {waiting
          ? profile.zendesk.auth.mode === 'oauth-pkce'
            ? 'Waiting for Zendesk sign-in in your browser…'
            : 'Requesting a token…'
          : signedIn
            ? 'Sign in again'
            : profile.zendesk.auth.mode === 'oauth-pkce'
              ? 'Sign in with Zendesk'
              : 'Get a token'}
      </button>
    </div>
  )
}
