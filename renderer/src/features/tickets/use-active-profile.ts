import { useEffect, useState } from 'react'
import type { ProfileView } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { useAppStore } from '../../app/app-store'

/** The active profile in full (is it the Sandbox, which Zendesk account), kept current. */
export function useActiveProfile(): ProfileView | undefined {
  const api = useApi()
  const activeId = useAppStore((s) => s.status?.activeProfile.id ?? s.info?.activeProfile.id)
  const [profile, setProfile] = useState<ProfileView>()
  useEffect(() => {
    if (!activeId) return
    let current = true
    api.profiles.list().then(
      ({ profiles }) => {
        if (current) setProfile(profiles.find((p) => p.id === activeId))
      },
      () => {
        // The status bar already says when the engine cannot be reached.
      },
    )
    return () => {
      current = false
    }
  }, [api, activeId])
  return profile?.id === activeId ? profile : undefined
}
