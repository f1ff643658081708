import type { SecretStorageInfo } from '../../../../shared/contract'

/**
 * How secret storage is summed up in a badge. A data folder with no passphrase yet is not
 * "locked" (there is nothing to unlock, and the Sandbox needs none): it is merely not set up.
 */
export function storageBadge(storage: SecretStorageInfo): { tone: string; text: string } {
  if (storage.backend === 'passphrase' && storage.passphraseSet === false)
    return { tone: '', text: 'not set up' }
  if (storage.needsDecision) return { tone: 'badge-warning', text: 'choose' }
  if (storage.locked) return { tone: 'badge-warning', text: 'locked' }
  return {
    tone: storage.strength === 'strong' ? 'badge-ok' : 'badge-warning',
    text: storage.strength,
  }
}
