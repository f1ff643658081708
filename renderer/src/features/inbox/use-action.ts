import { useCallback, useState } from 'react'
import { errorText } from '../../api/error-text'

/** Runs one API action at a time for a control: busy while it runs, its failure kept to show. */
export function useAction(): {
  busy: boolean
  error: string | undefined
  run: (action: () => Promise<unknown>) => Promise<void>
  clear: () => void
} {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true)
    setError(undefined)
    try {
      await action()
    } catch (failure) {
      setError(errorText(failure))
    } finally {
      setBusy(false)
    }
  }, [])
  return { busy, error, run, clear: useCallback(() => setError(undefined), []) }
}
