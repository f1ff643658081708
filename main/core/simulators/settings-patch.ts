import { z } from 'zod'
import { isRecord } from '../../../shared/is-record'

/** A settings change that did not validate: the message names each bad field and why. */
const LABELS = { zendesk: 'Zendesk simulator', braze: 'Braze simulator', sandbox: 'simulator' }

export class SimulatorSettingsError extends Error {
  constructor(
    readonly simulator: 'zendesk' | 'braze' | 'sandbox',
    readonly issues: string,
  ) {
    super(`Invalid ${LABELS[simulator]} settings:\n${issues}`)
    this.name = 'SimulatorSettingsError'
  }
}

/**
 * Validates `patch` against `patchSchema`, merges it into `current` (nested objects one level
 * deep, so `{ delivery: { timeoutMs } }` keeps the other delivery settings), and re-validates the
 * result against `fullSchema`.
 */
export function applySettingsPatch<T extends object>(
  simulator: 'zendesk' | 'braze',
  current: T,
  patch: unknown,
  patchSchema: z.ZodType,
  fullSchema: z.ZodType<T>,
): T {
  const parsedPatch = patchSchema.safeParse(patch)
  if (!parsedPatch.success) {
    throw new SimulatorSettingsError(simulator, z.prettifyError(parsedPatch.error))
  }
  const merged: Record<string, unknown> = { ...(current as Record<string, unknown>) }
  for (const [key, value] of Object.entries(parsedPatch.data as Record<string, unknown>)) {
    if (value === undefined) continue
    const previous = merged[key]
    merged[key] = isRecord(value) && isRecord(previous) ? { ...previous, ...value } : value
  }
  const parsed = fullSchema.safeParse(merged)
  if (!parsed.success) throw new SimulatorSettingsError(simulator, z.prettifyError(parsed.error))
  return parsed.data
}
