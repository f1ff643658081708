import type { ApiClient } from '../../shared/contract'
import { CliFailure, EXIT } from './cli-io'

/** A profile by id or by name (case-insensitive), as people type it; unknown is bad usage. */
export async function resolveProfileId(api: ApiClient, ref: string): Promise<string> {
  const { profiles } = await api.profiles.list()
  const found =
    profiles.find((p) => p.id === ref) ??
    profiles.find((p) => p.name.toLowerCase() === ref.toLowerCase())
  if (!found) {
    throw new CliFailure(
      `No profile "${ref}". Known: ${profiles.map((p) => `${p.name} (${p.id})`).join(', ')}.`,
      EXIT.usage,
    )
  }
  return found.id
}
