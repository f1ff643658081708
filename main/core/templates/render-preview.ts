import { performance } from 'node:perf_hooks'
import type { z } from 'zod'
import type { composeBatchInput, composeRenderInput } from '../../../shared/contract/compose'
import type { SampleUserEntry } from '../../../shared/contract/users'
import type { RenderResult } from '../../../shared/contract/compose'
import type { BrazeLiquid, RenderInput } from '../liquid/braze-liquid'
import { userLabel } from '../users/user-identity'
import type { UserLibrary } from '../users/user-library'

export type PreviewInput = z.output<typeof composeRenderInput>
type SharedOptions = Omit<z.output<typeof composeBatchInput>, 'users'>

export interface Preview {
  /** As BrazeLiquid returned it: lint positions and templatePositionOf() work on it. */
  result: RenderResult
  durationMs: number
  /** `id` is null for an inline user. */
  renderedFor: Omit<SampleUserEntry, 'id'> & { id: string | null }
}

/**
 * One render for the Compose preview: a sample user by id (or inline), canned Connected
 * Content only — a preview never calls anyone's server.
 */
export function renderPreview(
  liquid: BrazeLiquid,
  users: UserLibrary,
  input: PreviewInput,
): Preview {
  if ((input.userId === undefined) === (input.user === undefined)) {
    throw new Error('Give either userId or user: the one sample user to render for.')
  }
  const renderedFor = input.user
    ? {
        id: null,
        label: userLabel(input.user),
        source: 'custom' as const,
        user: input.user,
      }
    : users.get(input.userId ?? '')
  const started = performance.now()
  const result = liquid.renderSync({ ...renderOptions(input), user: renderedFor.user })
  return { result, durationMs: elapsed(started), renderedFor }
}

/** What a render takes besides the user, with live calls off whatever the caller sent. */
export function renderOptions(input: SharedOptions): Omit<RenderInput, 'user'> {
  const options: Omit<RenderInput, 'user'> = { template: input.template }
  if (input.headers) options.headers = input.headers
  if (input.context) options.context = input.context
  if (input.standIns) options.standIns = input.standIns
  if (input.target) options.target = input.target
  if (input.now) options.now = new Date(input.now)
  if (input.connectedContent?.responses) {
    options.connectedContent = { responses: input.connectedContent.responses, live: false }
  }
  return options
}

export function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100
}
