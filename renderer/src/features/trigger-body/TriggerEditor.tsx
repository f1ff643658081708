import { json } from '@codemirror/lang-json'
import { liquid } from '@codemirror/lang-liquid'
import { lintGutter, setDiagnostics } from '@codemirror/lint'
import CodeMirror, { EditorView } from '@uiw/react-codemirror'
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react'
import type { Problem } from '../../../../shared/contract'
import { offsetOf, problemDiagnostics } from '../compose/problem-diagnostics'
import { usePrefersDark } from '../compose/use-prefers-dark'
import { PLACEHOLDER_ROOTS, placeholderProperties } from './placeholder-completion'

export interface TriggerEditorHandle {
  jumpTo: (line: number, column: number) => void
}

/** JSON with Zendesk placeholders: Liquid highlighting over JSON, placeholders completed. */
const extensions = [
  liquid({
    base: json(),
    variables: PLACEHOLDER_ROOTS,
    properties: (path) => placeholderProperties(path),
  }),
  lintGutter(),
  EditorView.lineWrapping,
  EditorView.theme({
    '&': { fontSize: '13px' },
    '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  }),
  EditorView.contentAttributes.of({
    'aria-label': 'Trigger body (JSON with Zendesk placeholders)',
  }),
]

export function TriggerEditor({
  value,
  problems,
  onChange,
  ref,
}: {
  value: string
  problems: readonly Problem[]
  onChange: (value: string) => void
  ref?: Ref<TriggerEditorHandle>
}) {
  const dark = usePrefersDark()
  const view = useRef<EditorView | null>(null)

  useImperativeHandle(ref, () => ({
    jumpTo: (line, column) => {
      const current = view.current
      if (!current) return
      const anchor = offsetOf(current.state.doc, line, column)
      current.dispatch({ selection: { anchor }, effects: EditorView.scrollIntoView(anchor) })
      current.focus()
    },
  }))

  useEffect(() => {
    const current = view.current
    if (!current) return
    current.dispatch(setDiagnostics(current.state, problemDiagnostics(current.state.doc, problems)))
  }, [problems])

  return (
    <CodeMirror
      value={value}
      height="360px"
      theme={dark ? 'dark' : 'light'}
      extensions={extensions}
      onChange={onChange}
      onCreateEditor={(created) => {
        view.current = created
      }}
      basicSetup={{ foldGutter: false }}
      data-testid="trigger-editor"
    />
  )
}
