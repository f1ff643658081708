import type {
  ProfileInput,
  ProfileView,
  SecretSlot,
  ZendeskAuthMode,
} from '../../../../shared/contract'
import { BRAZE_REST_ENDPOINTS } from '../../../../shared/braze/rest-endpoints'

export const AUTH_MODES: Array<{ mode: ZendeskAuthMode; label: string }> = [
  { mode: 'oauth-pkce', label: 'OAuth: sign in with Zendesk (recommended)' },
  { mode: 'oauth-client', label: 'OAuth: client credentials (confidential client)' },
  { mode: 'oauth-token', label: 'OAuth: paste an access token' },
  { mode: 'api-token', label: 'API token (retired on 2027-04-30)' },
]

export interface SecretField {
  slot: SecretSlot
  label: string
  help?: string
}

/** Which secrets each auth mode needs, then the ones every profile may have. */
export function secretFields(mode: ZendeskAuthMode): SecretField[] {
  const zendesk: Record<ZendeskAuthMode, SecretField[]> = {
    'api-token': [{ slot: 'zendeskApiToken', label: 'Zendesk API token' }],
    'oauth-token': [{ slot: 'zendeskAccessToken', label: 'Zendesk OAuth access token' }],
    'oauth-pkce': [
      {
        slot: 'zendeskClientSecret',
        label: 'OAuth client secret',
        help: 'Only for confidential clients; leave empty for public (PKCE) clients.',
      },
    ],
    'oauth-client': [{ slot: 'zendeskClientSecret', label: 'OAuth client secret' }],
  }
  return [
    ...zendesk[mode],
    {
      slot: 'brazeApiKey',
      label: 'Braze REST API key',
      help: 'Needs users.track; users.export.ids for "Load from Braze".',
    },
    {
      slot: 'zendeskSigningSecret',
      label: 'Zendesk webhook signing secret',
      help: 'Verifies the webhooks the Inbox captures.',
    },
    {
      slot: 'tunnelAuthToken',
      label: 'Tunnel auth token',
      help: "For the Inbox's public URL through ngrok.",
    },
  ]
}

export interface FormValues {
  name: string
  zendesk: string
  mode: ZendeskAuthMode
  email: string
  clientId: string
  scopes: string
  brazeInstance: string
  brazeCustom: string
  secrets: Partial<Record<SecretSlot, string>>
}

export const CUSTOM_BRAZE = 'custom'

export function initialValues(
  profile: ProfileView | undefined,
  mode?: ZendeskAuthMode,
): FormValues {
  const endpoint = profile?.braze.endpoint ?? BRAZE_REST_ENDPOINTS[0].url
  const known = BRAZE_REST_ENDPOINTS.find((e) => e.url === endpoint)
  return {
    name: profile?.name ?? '',
    zendesk: profile ? (profile.zendesk.subdomain ?? profile.zendesk.baseUrl) : '',
    mode: mode ?? profile?.zendesk.auth.mode ?? 'oauth-pkce',
    email: profile?.zendesk.auth.email ?? '',
    clientId: profile?.zendesk.auth.clientId ?? '',
    scopes: profile?.zendesk.auth.scopes ?? 'read write',
    brazeInstance: known ? known.instance : CUSTOM_BRAZE,
    brazeCustom: known ? '' : endpoint,
    secrets: {},
  }
}

export function toInput(values: FormValues): ProfileInput {
  const oauth = values.mode === 'oauth-pkce' || values.mode === 'oauth-client'
  const secrets = Object.fromEntries(
    Object.entries(values.secrets).filter(([, v]) => v && v.trim()),
  )
  return {
    name: values.name,
    zendesk: values.zendesk,
    zendeskAuth: {
      mode: values.mode,
      email: values.mode === 'api-token' ? values.email : undefined,
      clientId: oauth ? values.clientId : undefined,
      scopes: oauth ? values.scopes : undefined,
    },
    brazeEndpoint:
      values.brazeInstance === CUSTOM_BRAZE ? values.brazeCustom : values.brazeInstance,
    secrets,
  }
}
