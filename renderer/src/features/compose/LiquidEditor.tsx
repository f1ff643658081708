import { json } from '@codemirror/lang-json'
import { liquid } from '@codemirror/lang-liquid'
import { lintGutter, setDiagnostics } from '@codemirror/lint'
import CodeMirror, { EditorView, Prec, keymap, type ViewUpdate } from '@uiw/react-codemirror'
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react'
import type { Problem } from '../../../../shared/contract'
import { offsetOf, problemDiagnostics } from './problem-diagnostics'
import { usePrefersDark } from './use-prefers-dark'

export interface EditorHandle {
  /** Puts the cursor at a 1-based line and column, scrolls there and focuses the editor. */
  jumpTo: (line: number, column: number) => void
  focus: () => void
}

/** The ticket body is JSON with Liquid in it: Liquid highlighting over JSON highlighting. */
const language = liquid({ base: json() })

/** Colours come from the app's CSS variables, so the editor matches the panels around it. */
const frame = EditorView.theme({
  '&': { fontSize: '13px' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  '.cm-content': { padding: '6px 0' },
})

export function LiquidEditor({
  value,
  problems,
  onChange,
  onRenderNow,
  ref,
}: {
  value: string
  /** The last render's problems; body problems become inline diagnostics. */
  problems: readonly Problem[]
  onChange: (value: string) => void
  onRenderNow: () => void
  ref?: Ref<EditorHandle>
}) {
  const dark = usePrefersDark()
  const view = useRef<EditorView | null>(null)
  const [cursor, setCursor] = useState({ line: 1, column: 1 })

  const extensions = useMemo(
    () => [
      language,
      lintGutter(),
      frame,
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'Template body (Braze Liquid)' }),
      // CodeMirror binds Mod-Enter to "insert blank line"; here it means "render now".
      Prec.highest(
        keymap.of([
          {
            key: 'Mod-Enter',
            run: () => {
              onRenderNow()
              return true
            },
          },
        ]),
      ),
    ],
    // Stable in practice (a store action): the editor is not reconfigured while typing.
    [onRenderNow],
  )

  useImperativeHandle(ref, () => ({
    jumpTo: (line, column) => {
      const current = view.current
      if (!current) return
      const anchor = offsetOf(current.state.doc, line, column)
      current.dispatch({
        selection: { anchor },
        effects: EditorView.scrollIntoView(anchor, { y: 'center' }),
      })
      current.focus()
    },
    focus: () => view.current?.focus(),
  }))

  useEffect(() => {
    const current = view.current
    if (!current) return
    current.dispatch(setDiagnostics(current.state, problemDiagnostics(current.state.doc, problems)))
  }, [problems])

  const onUpdate = (update: ViewUpdate) => {
    if (!update.selectionSet && !update.docChanged) return
    const head = update.state.selection.main.head
    const line = update.state.doc.lineAt(head)
    setCursor({ line: line.number, column: head - line.from + 1 })
  }

  return (
    <div className="liquid-editor">
      <CodeMirror
        value={value}
        height="100%"
        theme={dark ? 'dark' : 'light'}
        extensions={extensions}
        onChange={onChange}
        onUpdate={onUpdate}
        onCreateEditor={(created) => {
          view.current = created
        }}
        basicSetup={{ foldGutter: false }}
        data-testid="template-editor"
      />
      <div className="editor-status muted small">
        <span data-testid="editor-cursor">
          Ln {cursor.line}, Col {cursor.column}
        </span>
        <span>
          <kbd>{MOD}Enter</kbd> render now · <kbd>{MOD}S</kbd> save
        </span>
      </div>
    </div>
  )
}

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+'
