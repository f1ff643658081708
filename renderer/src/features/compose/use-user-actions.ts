import { errorText } from '../../api/error-text'
import { useCallback, useState } from 'react'
import type { SampleUserEntry } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { useCompose } from './compose-store'
import { useLibrary } from './library-store'

/**
 * Runs a user operation that yields a user (random, Load from Braze, custom): refreshes the
 * list and picks that user, or keeps the error to show next to the control that failed.
 */
export function useUserAction() {
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const run = useCallback(
    async (action: () => Promise<SampleUserEntry>): Promise<boolean> => {
      setBusy(true)
      setError(undefined)
      try {
        const entry = await action()
        await useLibrary.getState().reloadUsers(api)
        useCompose.getState().selectUser(entry.id, entry.label)
        return true
      } catch (failure) {
        setError(errorText(failure))
        return false
      } finally {
        setBusy(false)
      }
    },
    [api],
  )

  return { run, busy, error, setError }
}
