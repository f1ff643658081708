import { errorText } from '../../api/error-text'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Problem } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { PresetsPanel } from '../tickets/PresetsPanel'
import { SendTicketPanel } from '../tickets/SendTicketPanel'
import { TicketHistoryPanel } from '../tickets/TicketHistoryPanel'
import { BatchPanel } from './BatchPanel'
import { useCompose } from './compose-store'
import { ConnectedContentPanel } from './ConnectedContentPanel'
import { CopyForBrazePanel } from './CopyForBrazePanel'
import { HeadersEditor, headerInputId } from './HeadersEditor'
import { useLibrary } from './library-store'
import { LiquidEditor, type EditorHandle } from './LiquidEditor'
import { PreviewPanel } from './PreviewPanel'
import { ProblemsPanel } from './ProblemsPanel'
import { TemplateBar } from './TemplateBar'
import { useComposeShortcuts } from './use-compose-shortcuts'
import { useLiveRender } from './use-live-render'
import { useTemplateActions } from './use-template-actions'
import { UsersPanel } from './UsersPanel'

const NO_PROBLEMS: Problem[] = []

export function ComposeScreen() {
  const api = useApi()
  const editor = useRef<EditorHandle>(null)
  const preview = useRef<HTMLDivElement>(null)
  const loaded = useLibrary((s) => s.loaded)
  const body = useCompose((s) => s.body)
  const setBody = useCompose((s) => s.setBody)
  const requestRender = useCompose((s) => s.requestRender)
  const problems = useCompose((s) => s.result?.problems ?? NO_PROBLEMS)
  const { save } = useTemplateActions()
  const [loadError, setLoadError] = useState<string>()

  useLiveRender()
  useComposeShortcuts({ save: () => void save(), renderNow: requestRender })

  useEffect(() => {
    const firstVisit = !useLibrary.getState().loaded
    useLibrary
      .getState()
      .load(api)
      .then(() => {
        if (!firstVisit) return
        const { templates, users } = useLibrary.getState()
        const compose = useCompose.getState()
        const first = templates[0]
        if (first) compose.openTemplate(first)
        const user = users[0]
        if (user) compose.selectUser(user.id, user.label)
      })
      .catch((error: unknown) => setLoadError(errorText(error)))
  }, [api])

  const jump = useCallback((problem: Problem) => {
    if (problem.source?.startsWith('header:')) {
      document.getElementById(headerInputId(problem.source.slice('header:'.length)))?.focus()
    } else if (problem.line !== null) {
      editor.current?.jumpTo(problem.line, problem.column ?? 1)
    } else {
      editor.current?.focus()
    }
  }, [])

  if (loadError && !loaded) {
    return (
      <section className="panel">
        <h2>Compose is unavailable</h2>
        <p className="form-error">{loadError}</p>
      </section>
    )
  }
  if (!loaded) {
    return (
      <section className="panel" aria-busy="true">
        <p className="muted">Loading templates and sample users…</p>
      </section>
    )
  }
  return (
    <div className="stack compose">
      <TemplateBar />
      <div className="compose-grid">
        <div className="stack compose-main">
          <section className="panel" aria-labelledby="compose-editor">
            <h2 id="compose-editor">Body</h2>
            <LiquidEditor
              ref={editor}
              value={body}
              problems={problems}
              onChange={setBody}
              onRenderNow={requestRender}
            />
          </section>
          <ProblemsPanel onJump={jump} />
          <HeadersEditor problems={problems} />
        </div>
        <div className="stack compose-side" ref={preview}>
          <UsersPanel />
          <PreviewPanel />
          <ConnectedContentPanel />
          <SendTicketPanel onJump={jump} />
          <CopyForBrazePanel />
          <PresetsPanel />
          <TicketHistoryPanel />
        </div>
      </div>
      <BatchPanel onPreview={() => preview.current?.scrollIntoView({ behavior: 'smooth' })} />
    </div>
  )
}
