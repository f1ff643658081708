import { oc } from '@orpc/contract'
import { z } from 'zod'
import { trackObjectLimit } from '../braze/track-limits'
import { oauthFlowId, profileId } from './ids'

/** Where a secret lives in a profile. The value itself never leaves the main process. */
export const secretSlot = z.enum([
  'zendeskApiToken',
  'zendeskAccessToken',
  'zendeskRefreshToken',
  'zendeskClientSecret',
  'brazeApiKey',
  'zendeskSigningSecret',
  'tunnelAuthToken',
])
export type SecretSlot = z.infer<typeof secretSlot>

/** What the renderer may know about a secret: whether it is set and its last 4 characters. */
export const secretState = z.object({ set: z.boolean(), hint: z.string().max(4).optional() })
export type SecretState = z.infer<typeof secretState>

export const zendeskAuthMode = z.enum(['api-token', 'oauth-token', 'oauth-pkce', 'oauth-client'])
export type ZendeskAuthMode = z.infer<typeof zendeskAuthMode>

export const zendeskAuthSettings = z.object({
  mode: zendeskAuthMode,
  /** API-token auth pairs the token with an agent's or admin's email (zendesk.md §1.1). */
  email: z.string().optional(),
  clientId: z.string().optional(),
  /** Space-separated OAuth scopes, e.g. "read write". */
  scopes: z.string().optional(),
  accessTokenExpiresAt: z.string().optional(),
})
export type ZendeskAuthSettings = z.infer<typeof zendeskAuthSettings>

export const profileView = z.object({
  id: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
  zendesk: z.object({
    /** Normalised API origin, e.g. https://acme.zendesk.com */
    baseUrl: z.string(),
    subdomain: z.string().nullable(),
    auth: zendeskAuthSettings,
  }),
  braze: z.object({
    endpoint: z.string(),
    /**
     * Objects one /users/track request may hold in this workspace: 75 across the arrays by
     * default, 75 per array on older contracts, 50 on some (the forward lint checks it).
     */
    trackObjectLimit: trackObjectLimit.default({ max: 75, per: 'request' }),
  }),
  secrets: z.record(secretSlot, secretState),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type ProfileView = z.infer<typeof profileView>

/** Write-only: secrets travel from the UI to main, never back. */
export const secretInput = z.partialRecord(secretSlot, z.string().min(1))

export const profileInput = z.object({
  name: z.string().trim().min(1, 'Give the profile a name.').max(80),
  /** `acme`, `acme.zendesk.com`, `https://acme.zendesk.com`, or a custom base URL. */
  zendesk: z.string().trim().min(1, 'Enter a Zendesk subdomain or URL.'),
  zendeskAuth: zendeskAuthSettings.omit({ accessTokenExpiresAt: true }),
  brazeEndpoint: z.string().trim().min(1, 'Choose a Braze REST endpoint.'),
  /** Default: 75 objects per request, across the three arrays. */
  brazeTrackObjectLimit: trackObjectLimit.optional(),
  secrets: secretInput.optional(),
})
export type ProfileInput = z.infer<typeof profileInput>

export const checkOutcome = z.enum(['pass', 'fail', 'warn', 'skipped'])

export const connectionCheck = z.object({
  service: z.enum(['zendesk', 'braze']),
  name: z.string(),
  outcome: checkOutcome,
  /** What happened and what to do, in words a person can act on. */
  message: z.string(),
  /** A stable machine-readable reason: dns, tls, timeout, unauthorized, forbidden, … */
  reason: z.string().optional(),
  latencyMs: z.number().optional(),
  status: z.number().optional(),
})
export type ConnectionCheck = z.infer<typeof connectionCheck>

export const connectionReport = z.object({
  profileId: z.string(),
  ok: z.boolean(),
  checks: z.array(connectionCheck),
  at: z.string(),
})
export type ConnectionReport = z.infer<typeof connectionReport>

export const profileList = z.object({
  profiles: z.array(profileView),
  activeProfileId: z.string(),
})

export const profileExport = z.object({ fileName: z.string(), content: z.string() })

const byId = z.object({ id: profileId })

export const profilesContract = {
  list: oc.output(profileList),
  create: oc.input(profileInput).output(profileView),
  update: oc
    .input(z.object({ id: profileId, changes: profileInput.partial() }))
    .output(profileView),
  remove: oc.input(byId).output(z.object({ removed: z.boolean() })),
  activate: oc.input(byId).output(profileList),
  setSecret: oc
    .input(z.object({ id: profileId, slot: secretSlot, value: z.string().min(1) }))
    .output(profileView),
  removeSecret: oc.input(z.object({ id: profileId, slot: secretSlot })).output(profileView),
  test: oc.input(byId).output(connectionReport),
  export: oc
    .input(
      z.object({
        ids: z.array(profileId).optional(),
        includeSecrets: z.boolean().default(false),
        passphrase: z.string().optional(),
      }),
    )
    .output(profileExport),
  import: oc
    .input(z.object({ content: z.string().min(1), passphrase: z.string().optional() }))
    .output(z.object({ imported: z.array(profileView), skippedSecrets: z.number() })),
  oauthStart: oc.input(byId).output(z.object({ flowId: z.string(), authorizeUrl: z.string() })),
  oauthFinish: oc.input(z.object({ flowId: oauthFlowId })).output(profileView),
  oauthClientCredentials: oc.input(byId).output(profileView),
}
