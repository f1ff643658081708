import type { SampleUserEntry, UserSource } from '../../../../shared/contract'

const SOURCE_WORDS: Record<UserSource, string> = {
  'built-in': 'built-in',
  imported: 'imported',
  custom: 'custom',
  braze: 'from Braze',
  random: 'random',
}

/**
 * The picker's option text by user id. A label two users share (the built-in u-1002 and the
 * same user loaded from Braze) says where each came from, so no two options read the same.
 */
export function optionLabels(users: readonly SampleUserEntry[]): Map<string, string> {
  const seen = new Map<string, number>()
  for (const u of users) seen.set(u.label, (seen.get(u.label) ?? 0) + 1)
  return new Map(
    users.map((u) => [
      u.id,
      (seen.get(u.label) ?? 0) > 1 ? `${u.label} · ${SOURCE_WORDS[u.source]}` : u.label,
    ]),
  )
}
