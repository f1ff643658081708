import type { z } from 'zod'
import type { LintedAs, LintTargetId, renderRequestOptions } from '../../../shared/contract/compose'
import type { SampleUserEntry } from '../../../shared/contract/users'
import type { BrazeUserProfile } from '../../../shared/contract/users'
import type { RenderInput } from '../liquid/braze-liquid'
import { userLabel } from '../users/user-identity'
import { addTestTag } from '../zendesk/test-tag'
import type { UserLibrary } from '../users/user-library'

/** Everything a render takes besides the user, as every door sends it (contract field names). */
export type RenderRequestOptions = z.output<z.ZodObject<typeof renderRequestOptions>>

export interface RenderRequestFor extends RenderRequestOptions {
  /** A sample user's id (built-in, saved, or `rnd-SEED-N`), or… */
  userId?: string | undefined
  /** …a user given inline. */
  user?: BrazeUserProfile | undefined
}

export interface ResolvedRender {
  input: RenderInput
  /** Whom it renders for; `id` is null for an inline user. */
  renderedFor: Omit<SampleUserEntry, 'id'> & { id: string | null }
}

/**
 * The one place a render request becomes a render: preview, batch, send and the CLI all go
 * through it, so what is sent is what the preview showed for the same inputs (template,
 * headers, trigger context, stand-ins, pasted Connected Content responses, the time).
 * Previews and sends never call anyone's server: Connected Content is answered only from
 * pasted responses. Throws UserNotFoundError for an unknown user id.
 */
export function resolveRender(request: RenderRequestFor, users: UserLibrary): ResolvedRender {
  if ((request.userId === undefined) === (request.user === undefined)) {
    throw new Error('Give either userId or user: the one sample user to render for.')
  }
  const renderedFor = request.user
    ? { id: null, label: userLabel(request.user), source: 'custom' as const, user: request.user }
    : users.get(request.userId ?? '')
  return { input: { ...renderOptions(request), user: renderedFor.user }, renderedFor }
}

/**
 * What a render takes besides the user, with live calls off whatever the caller sent. The lint
 * target is not part of it: linting never changes the bytes, and a send lints nothing (see
 * lintTargetFor for the preview and batch).
 */
export function renderOptions(request: RenderRequestOptions): Omit<RenderInput, 'user'> {
  const options: Omit<RenderInput, 'user'> = { template: request.template }
  if (request.headers) options.headers = request.headers
  if (request.context) options.context = request.context
  if (request.standIns) options.standIns = request.standIns
  if (request.now) options.now = new Date(request.now)
  if (request.connectedContent?.responses) {
    options.connectedContent = { responses: request.connectedContent.responses, live: false }
  }
  return options
}

/**
 * The bytes that go out for a rendered body: as rendered, or with the test tag inserted when
 * the request asks for it. Preview and send both take their body from here.
 */
export function bodyToSend(
  output: string,
  request: Pick<RenderRequestOptions, 'addTestTag'>,
): { body: string; tagChange: string | null } {
  if (!request.addTestTag) return { body: output, tagChange: null }
  const tagged = addTestTag(output)
  return { body: tagged.body, tagChange: tagged.change }
}

/**
 * What the preview and batch lint for: the target the caller chose; without one ("Liquid
 * only"), still the JSON syntax when the headers send the body as JSON — a body that is not
 * JSON is never "no problems" when it goes out as `Content-Type: application/json`.
 */
export function lintTargetFor(request: RenderRequestOptions): LintTargetId | undefined {
  if (request.target) return request.target
  return sendsJson(request.headers) ? 'json' : undefined
}

/** What a result vouches for, as the doors word it (shared/compose/lint-verdict.ts). */
export function lintedAs(target: LintTargetId | undefined): LintedAs {
  return target ?? 'liquid'
}

function sendsJson(headers: Record<string, string> | undefined): boolean {
  return Object.entries(headers ?? {}).some(
    ([name, value]) => name.trim().toLowerCase() === 'content-type' && /json/i.test(value),
  )
}
