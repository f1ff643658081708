import type { Capture, ReplayEdit, ReplaySettings } from '../../../../shared/contract'
import { DEFAULT_REPLAY_FORM, replaySettingsOf, type ReplayForm } from './replay-form'

/** What the "Replay…" form of one capture holds, as typed. */
export interface ReplayOneForm extends ReplayForm {
  /** The body to send; the captured one until edited. */
  body: string
}

/** What `replay.one` is asked. */
export type ReplayOneRequest = ReplaySettings & { captureId: string; edit?: ReplayEdit }

/** The captured body as editable text, or why it cannot be edited here. */
export function editableBody(capture: Capture): { text: string } | { reason: string } {
  const { body } = capture.request
  if (body.truncated)
    return { reason: 'Only the first bytes of this body were kept: it cannot be replayed.' }
  if (body.encoding !== 'utf8')
    return { reason: 'This body is not UTF-8 text: it is replayed byte for byte, unedited.' }
  return { text: body.data }
}

export function replayOneForm(capture: Capture): ReplayOneForm {
  const body = editableBody(capture)
  return { ...DEFAULT_REPLAY_FORM, body: 'text' in body ? body.text : '' }
}

/**
 * The replay request from the form, or what to fix in it. A body left as captured is not sent
 * as an edit, so the replay stays byte for byte.
 */
export function replayOneRequestOf(
  capture: Capture,
  form: ReplayOneForm,
): { request: ReplayOneRequest } | { problem: string } {
  const checked = replaySettingsOf(form)
  if ('problem' in checked) return checked
  const original = editableBody(capture)
  const edited = 'text' in original && form.body !== original.text
  return {
    request: {
      ...checked.settings,
      captureId: capture.id,
      ...(edited ? { edit: { body: { text: form.body } } } : {}),
    },
  }
}
