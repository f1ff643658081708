import { performance } from 'node:perf_hooks'
import type { z } from 'zod'
import type { composeRenderInput } from '../../../shared/contract/compose'
import type { RenderResult } from '../../../shared/contract/compose'
import type { UserLibrary } from '../users/user-library'
import { resolveRender, type ResolvedRender } from './render-request'
import type { TemplateRenderer } from './template-renderer'

export type PreviewInput = z.output<typeof composeRenderInput>

export interface Preview {
  /** Plain data: lint problems already carry their positions. */
  result: RenderResult
  durationMs: number
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
  const started = performance.now()
  const { result } = await renderer.render(render, { signal: call.signal })
  return { result, durationMs: elapsed(started), renderedFor }
}

export function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100
}
