import { eventIterator, oc } from '@orpc/contract'
import { z } from 'zod'

export const secretStorageInfo = z.object({
  backend: z.enum(['safe-storage', 'passphrase', 'session-only']),
  label: z.string(),
  /** 'weak' means secrets are stored but a local process could read them (Linux basic_text). */
  strength: z.enum(['strong', 'weak', 'none']),
  locked: z.boolean(),
  /** Linux without a keyring: the user must choose weak storage or session-only secrets first. */
  needsDecision: z.boolean(),
  /**
   * Passphrase storage only: whether this data folder has a passphrase yet. Until it does, the
   * first one entered becomes it (the screen asks for it twice); nothing is locked away.
   */
  passphraseSet: z.boolean().optional(),
  detail: z.string(),
})
export type SecretStorageInfo = z.infer<typeof secretStorageInfo>

export const profileRef = z.object({ id: z.string(), name: z.string() })
export type ProfileRef = z.infer<typeof profileRef>

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  door: z.enum(['desktop', 'browser', 'cli']),
  platform: z.string(),
  activeProfile: profileRef,
  dataFolder: z.string(),
  secretStorage: secretStorageInfo,
})
export type AppInfo = z.infer<typeof appInfo>

export const serviceStatus = z.object({
  id: z.string(),
  label: z.string(),
  state: z.enum(['starting', 'running', 'stopped', 'error']),
  detail: z.string().optional(),
})
export type ServiceStatus = z.infer<typeof serviceStatus>

export const appStatus = z.object({
  activeProfile: profileRef,
  secretStorage: secretStorageInfo,
  services: z.array(serviceStatus),
})
export type AppStatus = z.infer<typeof appStatus>

export const appEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), at: z.string(), status: appStatus }),
  z.object({
    type: z.literal('notice'),
    at: z.string(),
    level: z.enum(['info', 'warning', 'error']),
    message: z.string(),
  }),
])
export type AppEvent = z.infer<typeof appEvent>

export const appContract = {
  info: oc.output(appInfo),
  /** Live status: the current status first, then every change until the caller stops listening. */
  events: oc.output(eventIterator(appEvent)),
}
