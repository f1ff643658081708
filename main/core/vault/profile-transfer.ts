import { z } from 'zod'
import {
  profileInput,
  secretSlot,
  type ProfileInput,
  type ProfileView,
  type SecretSlot,
} from '../../../shared/contract/profiles'
import { DEFAULT_SCRYPT_COST, deriveKey, newSalt, open, seal, type ScryptCost } from './aes-gcm'
import type { ProfileVault } from './profile-vault'

const exportFile = z.object({
  format: z.literal('bridgebench-profiles'),
  version: z.literal(1),
  exportedAt: z.string(),
  profiles: z.array(
    profileInput.omit({ secrets: true }).extend({
      /** Present only in exports made with secrets, sealed under the export passphrase. */
      sealedSecrets: z.partialRecord(secretSlot, z.string()).optional(),
    }),
  ),
  /** Key derivation for sealedSecrets; absent when the export holds no secrets. */
  kdf: z.object({ salt: z.string(), N: z.number(), r: z.number(), p: z.number() }).optional(),
})
type ExportFile = z.infer<typeof exportFile>

export class ExportFormatError extends Error {
  constructor(detail: string) {
    super(
      `This is not a Bridgebench profile export (${detail}). Choose a file made by "Export profiles".`,
    )
    this.name = 'ExportFormatError'
  }
}

/**
 * Profiles as a file a colleague can import: without secrets by default, or with them sealed
 * (scrypt + AES-256-GCM) under a passphrase chosen for the export. Never in the clear.
 */
export function exportProfiles(
  vault: ProfileVault,
  options: {
    ids?: string[]
    includeSecrets: boolean
    passphrase?: string
    now: Date
    cost?: ScryptCost
  },
): { fileName: string; content: string } {
  const chosen = vault
    .list()
    .filter((p) => !p.builtIn && (!options.ids || options.ids.includes(p.id)))
  if (options.includeSecrets && (options.passphrase?.length ?? 0) < 8) {
    throw new Error(
      'Exporting secrets needs a passphrase of at least 8 characters to seal them with.',
    )
  }
  const cost = options.cost ?? DEFAULT_SCRYPT_COST
  const salt = newSalt()
  const key = options.includeSecrets ? deriveKey(options.passphrase ?? '', salt, cost) : undefined
  const file: ExportFile = {
    format: 'bridgebench-profiles',
    version: 1,
    exportedAt: options.now.toISOString(),
    profiles: chosen.map((profile) => ({
      ...asInput(profile),
      ...(key ? { sealedSecrets: sealSecrets(vault, profile, key) } : {}),
    })),
    ...(key ? { kdf: { salt: salt.toString('base64'), ...cost } } : {}),
  }
  const stamp = options.now.toISOString().slice(0, 10)
  return {
    fileName: `bridgebench-profiles-${stamp}${key ? '-with-secrets' : ''}.json`,
    content: JSON.stringify(file, null, 2),
  }
}

export function importProfiles(
  vault: ProfileVault,
  content: string,
  passphrase: string | undefined,
): { imported: ProfileView[]; skippedSecrets: number } {
  const file = parseExport(content)
  const key =
    file.kdf && passphrase
      ? deriveKey(passphrase, Buffer.from(file.kdf.salt, 'base64'), file.kdf)
      : undefined
  const existing = new Set(vault.list().map((p) => p.name))
  const imported: ProfileView[] = []
  let skippedSecrets = 0
  // Open every secret first: a wrong passphrase must fail before anything is created.
  const opened = file.profiles.map((profile) => {
    const sealed = Object.entries(profile.sealedSecrets ?? {})
    if (!key) {
      skippedSecrets += sealed.length
      return {}
    }
    return Object.fromEntries(sealed.map(([slot, text]) => [slot, openOrExplain(key, text)]))
  })
  file.profiles.forEach(({ sealedSecrets: _sealed, ...input }, index) => {
    const name = uniqueName(input.name, existing)
    existing.add(name)
    imported.push(vault.create({ ...input, name, secrets: opened[index] }))
  })
  return { imported, skippedSecrets }
}

function parseExport(content: string): ExportFile {
  let json: unknown
  try {
    json = JSON.parse(content)
  } catch {
    throw new ExportFormatError('it is not JSON')
  }
  const parsed = exportFile.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ExportFormatError(
      `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`,
    )
  }
  return parsed.data
}

function asInput(profile: ProfileView): Omit<ProfileInput, 'secrets'> {
  const { accessTokenExpiresAt: _expiry, ...auth } = profile.zendesk.auth
  return {
    name: profile.name,
    zendesk: profile.zendesk.baseUrl,
    zendeskAuth: auth,
    brazeEndpoint: profile.braze.endpoint,
    brazeTrackObjectLimit: profile.braze.trackObjectLimit,
  }
}

function sealSecrets(vault: ProfileVault, profile: ProfileView, key: Buffer) {
  const sealed: Partial<Record<SecretSlot, string>> = {}
  for (const slot of secretSlot.options) {
    const value = profile.secrets[slot]?.set ? vault.secret(profile.id, slot) : undefined
    if (value) sealed[slot] = seal(key, value)
  }
  return sealed
}

function openOrExplain(key: Buffer, sealed: string): string {
  try {
    return open(key, sealed)
  } catch {
    throw new Error(
      'Wrong passphrase for this export: its secrets do not open. Nothing was imported.',
    )
  }
}

function uniqueName(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`
    if (!taken.has(candidate)) return candidate
  }
}
