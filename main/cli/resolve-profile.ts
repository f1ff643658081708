import type { ProfileView } from '../../shared/contract/profiles'
import type { Engine } from '../core/engine'
import { CliFailure, EXIT } from './cli-io'

/** A profile by id or by name (case-insensitive), as people type it; unknown is bad usage. */
export function resolveProfile(engine: Engine, ref: string): ProfileView {
  const all = engine.vault.list()
  const found =
    all.find((p) => p.id === ref) ?? all.find((p) => p.name.toLowerCase() === ref.toLowerCase())
  if (!found) {
    throw new CliFailure(
      `No profile "${ref}". Known: ${all.map((p) => `${p.name} (${p.id})`).join(', ')}.`,
      EXIT.usage,
    )
  }
  return found
}
