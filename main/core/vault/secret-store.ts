import type { SecretSlot, SecretState } from '../../../shared/contract/profiles'
import { secretHint } from '../../../shared/security/masking'
import type { JsonStore } from '../storage/json-store'
import { SecretStorageLockedError, type SecretCipher } from './secret-cipher'
import { SECRETS_MIGRATIONS, storedSecrets, type StoredSecrets } from './stored-settings'
import { VersionedDocument } from '../storage/versioned-document'

export type StorageMode = 'persist' | 'session-only'

/**
 * Secrets by profile and slot: ciphertext on disk (through the cipher), or only in memory when
 * the user chose session-only storage. Plain text exists only transiently, in main.
 */
export class SecretStore {
  private readonly document: VersionedDocument<StoredSecrets>
  private readonly session = new Map<string, string>()
  /** Every value seen this session, so logs and errors can be scrubbed of them. */
  private readonly seen = new Set<string>()

  constructor(
    file: JsonStore,
    private readonly cipher: SecretCipher,
    private readonly mode: () => StorageMode,
    /** Throws with an actionable message when secrets may not be stored right now. */
    private readonly assertWritable: () => void,
  ) {
    this.document = new VersionedDocument(file, storedSecrets, SECRETS_MIGRATIONS)
  }

  get path(): string {
    return this.document.path
  }

  states(profileId: string, slots: readonly SecretSlot[]): Record<SecretSlot, SecretState> {
    const stored = this.document.get().secrets[profileId] ?? {}
    const states = {} as Record<SecretSlot, SecretState>
    for (const slot of slots) {
      const inSession = this.session.get(key(profileId, slot))
      const onDisk = stored[slot]
      states[slot] = inSession
        ? withHint(secretHint(inSession))
        : onDisk
          ? withHint(onDisk.hint)
          : { set: false }
    }
    return states
  }

  set(profileId: string, slot: SecretSlot, value: string): void {
    this.assertWritable()
    this.seen.add(value)
    if (this.mode() === 'session-only') {
      this.session.set(key(profileId, slot), value)
      return
    }
    const entry = { cipherText: this.cipher.encrypt(value), hint: secretHint(value) }
    this.document.update((draft) => {
      draft.secrets[profileId] = { ...draft.secrets[profileId], [slot]: entry }
      return draft
    })
  }

  /** The plain value, for use inside main only (an outgoing request, an export). */
  get(profileId: string, slot: SecretSlot): string | undefined {
    const inSession = this.session.get(key(profileId, slot))
    if (inSession) return inSession
    const entry = this.document.get().secrets[profileId]?.[slot]
    if (!entry) return undefined
    if (this.cipher.info().locked) throw new SecretStorageLockedError(this.cipher.info().detail)
    const value = this.cipher.decrypt(entry.cipherText)
    this.seen.add(value)
    return value
  }

  remove(profileId: string, slot: SecretSlot): void {
    this.session.delete(key(profileId, slot))
    if (!this.document.get().secrets[profileId]?.[slot]) return
    this.document.update((draft) => {
      const { [slot]: _removed, ...rest } = draft.secrets[profileId] ?? {}
      draft.secrets[profileId] = rest
      return draft
    })
  }

  removeProfile(profileId: string): void {
    for (const k of [...this.session.keys()])
      if (k.startsWith(`${profileId}\u0000`)) this.session.delete(k)
    if (!(profileId in this.document.get().secrets)) return
    this.document.update((draft) => {
      const { [profileId]: _removed, ...rest } = draft.secrets
      draft.secrets = rest
      return draft
    })
  }

  /** Drops the stored secrets of every profile not in `profileIds`; false when none were. */
  keepOnly(profileIds: ReadonlySet<string>): boolean {
    const orphans = Object.keys(this.document.get().secrets).filter((id) => !profileIds.has(id))
    if (orphans.length === 0) return false
    this.document.update((draft) => ({
      ...draft,
      secrets: Object.fromEntries(
        Object.entries(draft.secrets).filter(([id]) => profileIds.has(id)),
      ),
    }))
    return true
  }

  knownValues(): Iterable<string> {
    return this.seen
  }
}

function key(profileId: string, slot: SecretSlot): string {
  return `${profileId}\u0000${slot}`
}

function withHint(hint: string | undefined): SecretState {
  return hint ? { set: true, hint } : { set: true }
}
