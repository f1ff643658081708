import { LiquidError, type Token } from 'liquidjs'
import type { Problem } from '../../../shared/contract/problems'
import { problemAt } from './problem'
import type { Position } from './source-map'

/**
 * How much one render (a template for one user, body and headers together) may take. Past any
 * limit the render stops with an error problem at the template piece that was running: a
 * runaway loop is a problem to fix, never a hang.
 */
export interface RenderLimits {
  /** Wall time, in ms, checked before every tag, output and text piece. */
  timeMs: number
  /** Length of what one template writes (UTF-16 characters: bytes for plain ASCII). */
  outputChars: number
  /**
   * liquidjs's allocation count (list entries of ranges and arrays, characters of strings it
   * builds) plus a charge per output piece the trace records.
   */
  memoryItems: number
}

export const DEFAULT_RENDER_LIMITS: Readonly<RenderLimits> = Object.freeze({
  timeMs: 2_000,
  outputChars: 4 * 1024 * 1024,
  memoryItems: 20_000_000,
})

/** What one output piece of the trace costs in memory items (its record is a small object). */
export const PIECE_MEMORY_ITEMS = 32

export type LimitKind = 'time' | 'output' | 'memory'

/** A render's limits, when its time is up (a `performance.now()` value), and pieces so far. */
export interface RenderBudget {
  limits: RenderLimits
  deadline: number
  pieces: number
}

/** Thrown from inside a render when a limit is passed; the render turns it into a problem. */
export class RenderLimitExceeded extends Error {
  constructor(readonly kind: LimitKind) {
    super(`render ${kind} limit exceeded`)
    this.name = 'RenderLimitExceeded'
  }
}

/** liquidjs's own allocation check fails with this message (its Limiter, memoryLimit option). */
const LIQUIDJS_MEMORY_MESSAGE = 'memory alloc limit exceeded'

/** Which limit stopped a render, however deeply liquidjs wrapped the error; else undefined. */
export function limitExceededBy(error: unknown): LimitKind | undefined {
  let current = error
  for (let depth = 0; depth < 16 && current !== undefined; depth++) {
    if (current instanceof RenderLimitExceeded) return current.kind
    if (current instanceof Error && current.message.startsWith(LIQUIDJS_MEMORY_MESSAGE)) {
      return 'memory'
    }
    current = (current as { originalError?: unknown }).originalError
  }
  return undefined
}

/** Where the render was when it stopped: the piece liquidjs wrapped the error with. */
export function limitTokenOf(error: unknown): Token | undefined {
  return LiquidError.is(error) ? (error as LiquidError & { token?: Token }).token : undefined
}

/** The error problem of a render a limit stopped, at the piece that was running. */
export function limitProblem(kind: LimitKind, limits: RenderLimits, at: Position | null): Problem {
  switch (kind) {
    case 'time':
      return problemAt(
        'error',
        'render-limit',
        at,
        `The render stopped after ${limits.timeMs} ms, its time limit.`,
        'Something here runs too long: look for a loop over a large range such as (1..100000), or loops inside loops, and make it smaller.',
      )
    case 'output':
      return problemAt(
        'error',
        'render-limit',
        at,
        `The render stopped after the output reached ${megabytes(limits.outputChars)} MB, its size limit.`,
        'Something here writes too much: check the loops around it.',
      )
    case 'memory':
      return problemAt(
        'error',
        'render-limit',
        at,
        `The render stopped after building ${millions(limits.memoryItems)} million list entries, characters and output pieces, its memory limit.`,
        'Look for a large range, a long loop or a string that doubles in a loop here, and make it smaller.',
      )
  }
}

/** A render the worker running it had to cut off (a native loop no check could interrupt). */
export function cutOffProblem(
  reason: { kind: 'time'; ms: number } | { kind: 'heap'; mb: number },
): Problem {
  return reason.kind === 'time'
    ? problemAt(
        'error',
        'render-limit',
        null,
        `The render stopped after ${reason.ms} ms: it ran past its time limit and was cut off.`,
        'Look for a very large range, a long loop or a filter given a huge value, and make it smaller.',
      )
    : problemAt(
        'error',
        'render-limit',
        null,
        `The render stopped after it used more than ${reason.mb} MB of memory.`,
        'Look for a very large range, a long loop or a string that doubles in a loop, and make it smaller.',
      )
}

function megabytes(chars: number): string {
  const mb = chars / (1024 * 1024)
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1)
}

function millions(items: number): string {
  const m = items / 1_000_000
  return Number.isInteger(m) ? String(m) : m.toFixed(1)
}
