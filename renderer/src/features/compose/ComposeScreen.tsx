import { useCallback, useEffect, useRef, useState } from 'react'
import type { Problem } from '../../../../shared/contract'
import { useApi } from '../../api/api-context'
import { useAppStore } from '../../app/app-store'
import { errorText } from '../../api/error-text'
import { Tabs } from '../../components/Tabs'
import { PresetsPanel } from '../tickets/PresetsPanel'
import { SendResult } from '../tickets/SendResult'
import { TicketHistoryPanel } from '../tickets/TicketHistoryPanel'
import { useTickets } from '../tickets/tickets-store'
import { BatchPanel } from './BatchPanel'
import { useCompose } from './compose-store'
import { ConnectedContentPanel } from './ConnectedContentPanel'
import { CopyForBrazePanel } from './CopyForBrazePanel'
import { HeadersEditor, headerInputId } from './HeadersEditor'
import { useLibrary } from './library-store'
import { LiquidEditor, type EditorHandle } from './LiquidEditor'
import { PreviewPanel } from './PreviewPanel'
import { ProblemsPanel } from './ProblemsPanel'
import { RequestBar } from './RequestBar'
import { TemplateBar } from './TemplateBar'
import { useComposeShortcuts } from './use-compose-shortcuts'
import { useDraftAutosave } from './use-draft-autosave'
import { useLiveRender } from './use-live-render'
import { useTemplateActions } from './use-template-actions'
import { UsersPanel } from './UsersPanel'

const NO_PROBLEMS: Problem[] = []

/**
 * Compose: the template bar, then whom it renders for and Send, then the workspace — editor
 * with its lint underneath beside the preview (or Zendesk's answer) — all on the first screen
 * from 1280×800. Batch, users, Connected Content, presets and test tickets follow below.
 */
export function ComposeScreen() {
  const api = useApi()
  const editor = useRef<EditorHandle>(null)
  const workspace = useRef<HTMLDivElement>(null)
  const loaded = useLibrary((s) => s.loaded)
  const body = useCompose((s) => s.body)
  const setBody = useCompose((s) => s.setBody)
  const requestRender = useCompose((s) => s.requestRender)
  const problems = useCompose((s) => s.result?.problems ?? NO_PROBLEMS)
  const headerCount = useCompose((s) => s.headers.length)
  const editorTab = useCompose((s) => s.editorTab)
  const setEditorTab = useCompose((s) => s.setEditorTab)
  const outputTab = useCompose((s) => s.outputTab)
  const setOutputTab = useCompose((s) => s.setOutputTab)
  const answer = useTickets((s) => (s.phase.kind === 'done' ? s.phase.result : null))
  const { save, openFirst } = useTemplateActions()
  const [loadError, setLoadError] = useState<string>()
  const connected = useAppStore((s) => s.connection.kind === 'connected')

  useLiveRender()
  useDraftAutosave()
  useComposeShortcuts({ save: () => void save(), renderNow: requestRender })

  useEffect(() => {
    // Refreshed on every visit and reconnection; the first successful load opens a template.
    if (!connected) return
    const firstVisit = !useLibrary.getState().loaded
    useLibrary
      .getState()
      .load(api)
      .then(async () => {
        setLoadError(undefined)
        if (!firstVisit) return
        const user = useLibrary.getState().users[0]
        if (user) useCompose.getState().selectUser(user.id, user.label)
        await openFirst()
      })
      .catch((error: unknown) => setLoadError(errorText(error)))
  }, [api, openFirst, connected])

  const jump = useCallback(
    (problem: Problem) => {
      if (problem.source?.startsWith('header:')) {
        setEditorTab('headers')
        const id = headerInputId(problem.source.slice('header:'.length))
        requestAnimationFrame(() => document.getElementById(id)?.focus())
      } else {
        setEditorTab('body')
        requestAnimationFrame(() => {
          if (problem.line !== null) editor.current?.jumpTo(problem.line, problem.column ?? 1)
          else editor.current?.focus()
        })
      }
    },
    [setEditorTab],
  )

  if (!loaded) {
    return (
      <section className="panel" aria-busy={!loadError}>
        {loadError ? (
          <p className="form-error" role="alert">
            Templates and sample users could not be loaded: {loadError}
          </p>
        ) : (
          <p className="muted">
            {connected ? 'Loading templates and sample users…' : 'Waiting for the engine…'}
          </p>
        )}
      </section>
    )
  }
  return (
    <div className="stack compose">
      <TemplateBar />
      <RequestBar />
      <div className="compose-workspace" ref={workspace}>
        <section className="panel workspace-pane" aria-label="Template">
          <Tabs
            label="Template parts"
            current={editorTab}
            onSelect={setEditorTab}
            tabs={[
              { id: 'body', label: 'Body' },
              { id: 'headers', label: `Headers (${headerCount})` },
            ]}
          />
          <div className="pane-main">
            {editorTab === 'body' ? (
              <LiquidEditor
                ref={editor}
                value={body}
                problems={problems}
                onChange={setBody}
                onRenderNow={requestRender}
              />
            ) : (
              <HeadersEditor problems={problems} />
            )}
          </div>
          <ProblemsPanel onJump={jump} />
        </section>
        <section className="panel workspace-pane" aria-label="Output">
          <Tabs
            label="Output"
            current={outputTab}
            onSelect={setOutputTab}
            tabs={[
              { id: 'preview', label: 'Preview' },
              {
                id: 'response',
                label: answer ? (
                  <>
                    Response{' '}
                    <span className={`badge badge-${answer.ok ? 'ok' : 'error'}`}>
                      {answer.exchange.attempts.at(-1)?.response?.status ?? 'no answer'}
                    </span>
                  </>
                ) : (
                  'Response'
                ),
              },
            ]}
          />
          <div className="pane-scroll">
            {outputTab === 'preview' ? <PreviewPanel /> : <SendResult onJump={jump} />}
          </div>
        </section>
      </div>
      <div className="compose-more">
        <BatchPanel onPreview={() => workspace.current?.scrollIntoView({ behavior: 'smooth' })} />
        <UsersPanel />
        <ConnectedContentPanel />
        <CopyForBrazePanel />
        <PresetsPanel />
        <TicketHistoryPanel />
      </div>
    </div>
  )
}
