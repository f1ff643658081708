import { useEffect, useState } from 'react'
import type { CaptureDetail } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { errorText } from '../../api/error-text'
import { useInbox } from './inbox-store'

/** Holding ↓ with the detail open moves fast: fetch only where the cursor rests. */
const SETTLE_MS = 60

/** The open capture's detail, refetched when another attempt of its invocation arrives. */
export function useCaptureDetail(id: string): {
  detail: CaptureDetail | undefined
  error: string | undefined
  /** The detail shown is another capture's, while this one loads. */
  stale: boolean
} {
  const api = useApi()
  const revision = useInbox((s) => s.detailRevision)
  const [state, setState] = useState<{ id: string; detail?: CaptureDetail; error?: string }>({
    id,
  })
  useEffect(() => {
    let live = true
    const timer = setTimeout(() => {
      api.captures
        .get({ id })
        .then((detail) => {
          if (!live) return
          setState({ id, detail })
          useInbox.getState().setOpenInvocation(detail.capture.invocation.invocationId)
        })
        .catch((error: unknown) => live && setState({ id, error: errorText(error) }))
    }, SETTLE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, id, revision])
  // The previous capture stays on screen, dimmed, until this one arrives: no blank flash.
  return {
    detail: state.detail,
    error: state.id === id ? state.error : undefined,
    stale: state.id !== id,
  }
}
