import { performance } from 'node:perf_hooks'
import type { z } from 'zod'
import type { composeRenderInput } from '../../../shared/contract/compose'
import type { LintedAs, RenderResult } from '../../../shared/contract/compose'
import type { UserLibrary } from '../users/user-library'
import { authorizationPolicy, type AuthorizationPolicy } from '../zendesk/send-headers'
import {
  bodyToSend,
  lintedAs,
  lintTargetFor,
  resolveRender,
  type ResolvedRender,
} from './render-request'
import { renderUntilError, type RenderedUntilError } from './render-until-error'
import type { TemplateRenderer } from './template-renderer'

export type PreviewInput = z.output<typeof composeRenderInput>

export interface Preview {
  /** Plain data: lint problems already carry their positions. */
  result: RenderResult
  durationMs: number
  lintedAs: LintedAs
  /** The bytes a send would put on the wire for this request (see bodyToSend). */
  body: string
  tagChange: string | null
  /** What a test send does with Authorization unless told otherwise. */
  authorization: AuthorizationPolicy
  /** With a Liquid error: the body up to it, so the preview is not blank (never sent). */
  renderedUntilError: RenderedUntilError | null
  renderedFor: ResolvedRender['renderedFor']
}

/** One render for the Compose preview, resolved exactly as a send is (see resolveRender). */
export async function renderPreview(
  renderer: TemplateRenderer,
  users: UserLibrary,
  input: PreviewInput,
  call: { signal?: AbortSignal } = {},
): Promise<Preview> {
  const { input: render, renderedFor } = resolveRender(input, users)
  const target = lintTargetFor(input)
  const started = performance.now()
  const { result } = await renderer.render(target ? { ...render, target } : render, {
    signal: call.signal,
  })
  const durationMs = elapsed(started)
  const sent = result.aborted ? { body: '', tagChange: null } : bodyToSend(result.output, input)
  const authorization = authorizationPolicy(result.headers)
  const renderedUntilError = await renderUntilError(
    async (i) => (await renderer.render(i, { signal: call.signal })).result,
    render,
    result,
  )
  return {
    result,
    durationMs,
    renderedFor,
    lintedAs: lintedAs(target),
    authorization,
    renderedUntilError,
    ...sent,
  }
}

export function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100
}
