import type { ComposeRenderInput } from '../../../../shared/contract'
import { cannedResponses } from './canned-responses'
import { headerRecord, type HeaderRow } from './compose-store'

export interface ComposeInputs {
  body: string
  headers: readonly HeaderRow[]
  canned: Record<string, string>
  addTestTag: boolean
}

/**
 * The one render request the Compose screen builds, for the live preview and for Send test
 * ticket alike, so the send renders exactly what the preview showed.
 */
export function composeRenderRequest(
  inputs: ComposeInputs,
  userId: string,
): Omit<ComposeRenderInput, 'target'> {
  const responses = cannedResponses(inputs.canned)
  return {
    template: inputs.body,
    headers: headerRecord(inputs.headers),
    userId,
    ...(inputs.addTestTag ? { addTestTag: true } : {}),
    ...(Object.keys(responses).length > 0 ? { connectedContent: { responses } } : {}),
  }
}
