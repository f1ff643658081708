import { z } from 'zod'
import { brazeUserProfile, type BrazeUserProfile } from '../../../shared/contract/users'
import sampleUsers from '../../../resources/sample-users.json'

/**
 * The sample users every install has (resources/sample-users.json, from the shared fixture):
 * quotes and accents in names, a missing email, empty strings, an anonymous profile with only a
 * braze_id, nested custom attributes. Bundled, so every door has them without file access.
 */
export function builtInUsers(): BrazeUserProfile[] {
  return z.array(brazeUserProfile).parse(structuredClone(sampleUsers))
}
