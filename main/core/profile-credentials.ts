import type { SecretSlot } from '../../shared/contract'
import type { ForwardTarget } from './forward/forward-service'
import type { Sandbox } from './simulators/sandbox'
import { SANDBOX_ID, type ProfileVault, type SandboxSource } from './vault/profile-vault'
import type { SecretCipher } from './vault/secret-cipher'
import type { ZendeskAuthorizer } from './zendesk/zendesk-authorizer'

export interface ProfileCredentialsDeps {
  vault: ProfileVault
  zendeskAuth: ZendeskAuthorizer
  /** The profile's id (null/undefined: the active one), the Sandbox's simulators started. */
  useProfile: (id?: string | null) => Promise<string>
  sandbox: () => Sandbox | undefined
}

/**
 * What the engine's services ask of a profile, in one place: its Zendesk API base and
 * Authorization, its Braze side, its webhook signing secret. A secret that cannot be read now
 * (a locked vault, a missing profile) is `undefined` where the caller can go without it.
 */
export class ProfileCredentials {
  constructor(private readonly deps: ProfileCredentialsDeps) {}

  /** A profile's Zendesk API base and Authorization, its simulators started if it is the Sandbox. */
  async zendeskTarget(profileId?: string) {
    const id = await this.deps.useProfile(profileId)
    return {
      profileId: id,
      baseUrl: this.deps.vault.get(id).zendesk.baseUrl,
      authorization: await this.deps.zendeskAuth.authorization(id),
    }
  }

  /** A profile's Braze side for a forward (null: the active profile); the Sandbox's starts it. */
  async forwardTarget(profileId: string | null): Promise<ForwardTarget> {
    const id = await this.deps.useProfile(profileId)
    const braze = this.deps.vault.get(id).braze
    return {
      profileId: id,
      endpoint: braze.endpoint,
      apiKey: this.optionalSecret(id, 'brazeApiKey'),
      objects: braze.trackObjectLimit,
    }
  }

  /** A profile's Braze REST endpoint and key; throws, saying where to add them, without both. */
  brazeRest(profileId: string): { endpoint: string; apiKey: string } {
    const profile = this.deps.vault.get(profileId)
    const apiKey = this.deps.vault.secret(profileId, 'brazeApiKey')
    if (!apiKey || !profile.braze.endpoint) {
      throw new Error(
        `The profile "${profile.name}" has no Braze REST endpoint and key. Add them on the Connections screen (the key needs users.track and users.export.ids).`,
      )
    }
    return { endpoint: profile.braze.endpoint, apiKey }
  }

  /** A profile's webhook signing secret (null: the active profile's); undefined when unset. */
  signingSecret(profileId: string | null): string | undefined {
    const id = profileId ?? this.deps.vault.activeProfileId()
    if (id === SANDBOX_ID) return this.deps.sandbox()?.signingSecret()
    return this.optionalSecret(id, 'zendeskSigningSecret')
  }

  /** A secret when it can be read now: a locked vault or a missing profile gives none. */
  optionalSecret(profileId: string, slot: SecretSlot): string | undefined {
    try {
      return this.deps.vault.secret(profileId, slot)
    } catch {
      return undefined
    }
  }
}

/** The cipher's `encrypt` or `decrypt` while it is unlocked; undefined while it is locked. */
export function whileUnlocked(
  cipher: SecretCipher,
  use: 'encrypt' | 'decrypt',
): ((text: string) => string) | undefined {
  if (cipher.info().locked) return undefined
  return use === 'encrypt' ? (plain) => cipher.encrypt(plain) : (text) => cipher.decrypt(text)
}

/** What the vault shows for the Sandbox profile: nothing until the simulators run. */
export function sandboxSource(sandbox: Sandbox | undefined): SandboxSource | undefined {
  if (!sandbox) return undefined
  return {
    zendeskBaseUrl: sandbox.urls.zendesk,
    zendeskEmail: sandbox.credentials.zendesk.email,
    brazeEndpoint: sandbox.urls.braze,
    trackObjectLimit: sandbox.braze.settings().objectLimit,
    secrets: {
      zendeskApiToken: sandbox.credentials.zendesk.token,
      brazeApiKey: sandbox.credentials.braze.apiKey,
      zendeskSigningSecret: sandbox.signingSecret(),
    },
  }
}
