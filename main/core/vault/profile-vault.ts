import { randomUUID } from 'node:crypto'
import {
  DEFAULT_TRACK_OBJECT_LIMIT,
  type TrackObjectLimit,
} from '../../../shared/braze/track-limits'
import type { SecretStorageInfo } from '../../../shared/contract'
import {
  secretSlot,
  type ProfileInput,
  type ProfileView,
  type SecretSlot,
} from '../../../shared/contract/profiles'
import { normalizeBrazeEndpoint } from './braze-endpoint'
import type { JsonStoreFactory } from '../storage/json-store'
import type { SecretCipher } from './secret-cipher'
import { SecretStore } from './secret-store'
import {
  SETTINGS_MIGRATIONS,
  storedSettings,
  type StoredProfile,
  type StoredSettings,
} from './stored-settings'
import { VersionedDocument } from '../storage/versioned-document'
import { normalizeZendeskTarget } from './zendesk-target'

export const SANDBOX_ID = 'sandbox'
const SLOTS = secretSlot.options

/** What the running simulators offer the built-in Sandbox profile. */
export interface SandboxSource {
  zendeskBaseUrl: string
  zendeskEmail: string
  brazeEndpoint: string
  /** The simulated Braze's own limit, so the lint agrees with it. */
  trackObjectLimit?: TrackObjectLimit
  secrets: Partial<Record<SecretSlot, string>>
}

export class ProfileNotFoundError extends Error {
  constructor(id: string) {
    super(`No profile with id "${id}". List profiles to see their ids.`)
    this.name = 'ProfileNotFoundError'
  }
}

export class BuiltInProfileError extends Error {
  constructor(action: string) {
    super(
      `The Sandbox profile is built in and cannot be ${action}; create your own profile instead.`,
    )
    this.name = 'BuiltInProfileError'
  }
}

export interface ProfileVaultOptions {
  stores: JsonStoreFactory
  cipher: SecretCipher
  sandbox: () => SandboxSource | undefined
  now?: () => Date
}

/** Connection profiles: non-secret settings in one file, secrets (ciphertext) in another. */
export class ProfileVault {
  private readonly settings: VersionedDocument<StoredSettings>
  readonly secrets: SecretStore
  private readonly now: () => Date
  private readonly createdAt: string

  constructor(private readonly options: ProfileVaultOptions) {
    this.now = options.now ?? (() => new Date())
    this.createdAt = this.now().toISOString()
    this.settings = new VersionedDocument(
      options.stores('settings'),
      storedSettings,
      SETTINGS_MIGRATIONS,
    )
    this.secrets = new SecretStore(
      options.stores('secrets'),
      options.cipher,
      () => (this.settings.get().weakStorageChoice === 'session-only' ? 'session-only' : 'persist'),
      () => this.assertSecretsWritable(),
    )
    // A removal an older release cut short left the ciphertext of a profile that is gone.
    this.secrets.keepOnly(new Set(this.settings.get().profiles.map((p) => p.id)))
  }

  get settingsPath(): string {
    return this.settings.path
  }

  list(): ProfileView[] {
    return [this.sandboxView(), ...this.settings.get().profiles.map((p) => this.view(p))]
  }

  get(id: string): ProfileView {
    if (id === SANDBOX_ID) return this.sandboxView()
    return this.view(this.stored(id))
  }

  activeProfileId(): string {
    const { activeProfileId, profiles } = this.settings.get()
    return profiles.some((p) => p.id === activeProfileId) ? activeProfileId : SANDBOX_ID
  }

  activate(id: string): void {
    if (id !== SANDBOX_ID) this.stored(id)
    this.settings.update((draft) => ({ ...draft, activeProfileId: id }))
  }

  create(input: ProfileInput): ProfileView {
    const now = this.now().toISOString()
    const profile: StoredProfile = {
      id: `p-${randomUUID().slice(0, 8)}`,
      name: input.name,
      createdAt: now,
      updatedAt: now,
      ...this.targets(input),
    }
    // Validate secrets before anything is written, so a refused secret leaves no half profile.
    if (input.secrets && Object.keys(input.secrets).length > 0) this.assertSecretsWritable()
    this.settings.update((draft) => ({ ...draft, profiles: [...draft.profiles, profile] }))
    for (const [slot, value] of Object.entries(input.secrets ?? {})) {
      if (value) this.secrets.set(profile.id, slot as SecretSlot, value)
    }
    return this.view(profile)
  }

  update(id: string, changes: Partial<ProfileInput>): ProfileView {
    if (id === SANDBOX_ID) throw new BuiltInProfileError('edited')
    const current = this.stored(id)
    const merged: ProfileInput = {
      name: changes.name ?? current.name,
      zendesk: changes.zendesk ?? current.zendesk.baseUrl,
      zendeskAuth: changes.zendeskAuth ?? current.zendesk.auth,
      brazeEndpoint: changes.brazeEndpoint ?? current.braze.endpoint,
      brazeTrackObjectLimit: changes.brazeTrackObjectLimit ?? current.braze.trackObjectLimit,
    }
    const targets = this.targets(merged)
    // Keep the token expiry only while the auth settings stay the same.
    if (!changes.zendeskAuth) targets.zendesk.auth = current.zendesk.auth
    const next: StoredProfile = {
      ...current,
      name: merged.name,
      ...targets,
      updatedAt: this.now().toISOString(),
    }
    this.replace(next)
    for (const [slot, value] of Object.entries(changes.secrets ?? {})) {
      if (value) this.secrets.set(id, slot as SecretSlot, value)
    }
    return this.view(next)
  }

  /** Records facts learned at run time (e.g. an OAuth token expiry) without touching inputs. */
  patchAuth(id: string, auth: Partial<StoredProfile['zendesk']['auth']>): ProfileView {
    const current = this.stored(id)
    const next = {
      ...current,
      zendesk: { ...current.zendesk, auth: { ...current.zendesk.auth, ...auth } },
    }
    this.replace(next)
    return this.view(next)
  }

  remove(id: string): boolean {
    if (id === SANDBOX_ID) throw new BuiltInProfileError('removed')
    this.stored(id)
    // Secrets first: a crash in between leaves a profile without secrets (visible, fixable),
    // never ciphertext that no profile owns.
    this.secrets.removeProfile(id)
    this.settings.update((draft) => ({
      ...draft,
      profiles: draft.profiles.filter((p) => p.id !== id),
      activeProfileId: draft.activeProfileId === id ? SANDBOX_ID : draft.activeProfileId,
    }))
    return true
  }

  setSecret(id: string, slot: SecretSlot, value: string): ProfileView {
    if (id === SANDBOX_ID) throw new BuiltInProfileError('given secrets')
    this.stored(id)
    this.secrets.set(id, slot, value)
    return this.get(id)
  }

  removeSecret(id: string, slot: SecretSlot): ProfileView {
    if (id === SANDBOX_ID) throw new BuiltInProfileError('changed')
    this.stored(id)
    this.secrets.remove(id, slot)
    return this.get(id)
  }

  /** A secret's plain value, for main-process use only; never put it in an API response. */
  secret(id: string, slot: SecretSlot): string | undefined {
    if (id === SANDBOX_ID) return this.options.sandbox()?.secrets[slot]
    this.stored(id)
    return this.secrets.get(id, slot)
  }

  storageInfo(): SecretStorageInfo {
    const info = this.options.cipher.info()
    const choice = this.settings.get().weakStorageChoice
    if (info.strength !== 'weak') return { ...info, needsDecision: false }
    if (choice === 'session-only') {
      return {
        ...info,
        backend: 'session-only',
        label: 'This session only (memory)',
        strength: 'none',
        needsDecision: false,
        detail:
          'You chose not to store secrets on disk: they are forgotten when Bridgebench quits.',
      }
    }
    return { ...info, needsDecision: choice === null }
  }

  chooseWeakStorage(choice: 'weak' | 'session-only'): void {
    this.settings.update((draft) => ({ ...draft, weakStorageChoice: choice }))
  }

  private assertSecretsWritable(): void {
    const info = this.storageInfo()
    if (info.needsDecision) {
      throw new Error(
        'No OS keyring is available, so secrets could only be stored with weak protection. ' +
          'Choose "store with weak protection" or "keep secrets for this session only" under Connections first.',
      )
    }
    if (info.locked) throw new Error(`Secrets cannot be stored: ${info.detail}`)
  }

  private targets(
    input: Pick<
      ProfileInput,
      'zendesk' | 'zendeskAuth' | 'brazeEndpoint' | 'brazeTrackObjectLimit'
    >,
  ) {
    const zendesk = normalizeZendeskTarget(input.zendesk)
    if (input.zendeskAuth.mode === 'api-token' && !input.zendeskAuth.email?.includes('@')) {
      throw new Error(
        'API-token auth needs the email of the Zendesk agent or admin the token acts as (zendeskAuth.email).',
      )
    }
    if (
      (input.zendeskAuth.mode === 'oauth-pkce' || input.zendeskAuth.mode === 'oauth-client') &&
      !input.zendeskAuth.clientId
    ) {
      throw new Error('OAuth needs the client id (unique identifier) of your Zendesk OAuth client.')
    }
    return {
      zendesk: { ...zendesk, auth: { ...input.zendeskAuth } },
      braze: {
        endpoint: normalizeBrazeEndpoint(input.brazeEndpoint),
        trackObjectLimit: input.brazeTrackObjectLimit ?? DEFAULT_TRACK_OBJECT_LIMIT,
      },
    }
  }

  private stored(id: string): StoredProfile {
    const found = this.settings.get().profiles.find((p) => p.id === id)
    if (!found) throw new ProfileNotFoundError(id)
    return found
  }

  private replace(next: StoredProfile): void {
    this.settings.update((draft) => ({
      ...draft,
      profiles: draft.profiles.map((p) => (p.id === next.id ? next : p)),
    }))
  }

  private view(profile: StoredProfile): ProfileView {
    return {
      ...profile,
      builtIn: false,
      secrets: this.secrets.states(profile.id, SLOTS),
    }
  }

  private sandboxView(): ProfileView {
    const source = this.options.sandbox()
    const set = (slot: SecretSlot) => (source?.secrets[slot] ? { set: true } : { set: false })
    return {
      id: SANDBOX_ID,
      name: 'Sandbox',
      builtIn: true,
      zendesk: {
        baseUrl: source?.zendeskBaseUrl ?? '',
        subdomain: null,
        auth: { mode: 'api-token', email: source?.zendeskEmail ?? '' },
      },
      braze: {
        endpoint: source?.brazeEndpoint ?? '',
        trackObjectLimit: source?.trackObjectLimit ?? DEFAULT_TRACK_OBJECT_LIMIT,
      },
      secrets: Object.fromEntries(SLOTS.map((slot) => [slot, set(slot)])) as ProfileView['secrets'],
      createdAt: this.createdAt,
      updatedAt: this.createdAt,
    }
  }
}
