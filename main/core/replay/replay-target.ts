import type { Capture } from '../../../shared/contract/captures'
import type { ReplayTarget } from '../../../shared/contract/replay'
import { forwardPath, forwardUrl } from '../forward/forward-request'

/** A replay target made concrete: where to send, and which profile's key, secret and Braze to use. */
export interface ResolvedTarget {
  /** Shown in run summaries: `braze (Acme EU)`, `sandbox`, `receiver`, the URL. */
  label: string
  profileId: string
  /** The URL for one capture. */
  urlFor: (capture: Capture) => string
  /** The Braze REST API for read-back, with its key; undefined when there is none. */
  braze: { endpoint: string; apiKey: string } | undefined
  /** The Authorization a `profile` replay sends; undefined when the profile has no Braze key. */
  profileAuthorization: string | undefined
}

/** The receiver's own URL for a capture: its route and path as captured. */
export function receiverUrl(base: string, capture: Capture): string {
  const url = capture.request.url
  const path = url.startsWith('/hooks/')
    ? url
    : `/hooks/${capture.route}${forwardPath(url, capture.route)}`
  return `${base.replace(/\/+$/, '')}${path}`
}

export function targetLabel(target: ReplayTarget): string {
  switch (target.kind) {
    case 'braze':
      return `braze${target.profileId ? ` (${target.profileId})` : ''}`
    case 'sandbox':
    case 'receiver':
      return target.kind
    case 'url':
      return target.url
  }
}

export interface TargetDeps {
  /** Makes a profile ready (starts the Sandbox for it) and returns its id; the active one by default. */
  useProfile: (id?: string) => Promise<string>
  brazeEndpoint: (profileId: string) => string
  /** The profile's Braze REST API key, when it has one. */
  brazeKey: (profileId: string) => string | undefined
  /** `http://127.0.0.1:PORT` while the receiver runs. */
  receiverBase: () => string | undefined
}

export class ReplayTargetError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReplayTargetError'
  }
}

/** Resolves a target to URLs and credentials; `profileId` picks the profile for keys and secrets. */
export async function resolveTarget(
  deps: TargetDeps,
  target: ReplayTarget,
  profileId: string | undefined,
): Promise<ResolvedTarget> {
  const id = await deps.useProfile(
    target.kind === 'sandbox'
      ? 'sandbox'
      : target.kind === 'braze'
        ? (target.profileId ?? profileId)
        : profileId,
  )
  const endpoint = deps.brazeEndpoint(id)
  const key = deps.brazeKey(id)
  const braze = endpoint && key ? { endpoint, apiKey: key } : undefined
  const common = {
    label: targetLabel(target),
    profileId: id,
    braze,
    profileAuthorization: braze ? `Bearer ${braze.apiKey}` : undefined,
  }
  switch (target.kind) {
    case 'braze':
    case 'sandbox':
      if (!endpoint)
        throw new ReplayTargetError(
          `Profile ${id} has no Braze REST endpoint: set it under Connections.`,
        )
      return {
        ...common,
        urlFor: (capture) => forwardUrl(endpoint, capture.request.url, capture.route),
      }
    case 'receiver': {
      const base = deps.receiverBase()
      if (!base) {
        throw new ReplayTargetError(
          'The receiver is not running, so nothing can be replayed to it: start it (the Inbox, or bridgebench listen) first.',
        )
      }
      return { ...common, urlFor: (capture) => receiverUrl(base, capture) }
    }
    case 'url':
      return { ...common, urlFor: () => target.url }
  }
}
