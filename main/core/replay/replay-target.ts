import type { Capture } from '../../../shared/contract/captures'
import type { ReplayTarget } from '../../../shared/contract/replay'

// TO FOLD: pathAfterRoute/brazeUrl repeat the forward branch's forwardPath/forwardUrl
// (main/core/forward/forward-request.ts); use those once they are on main.

/** Where a capture without a path after its route goes on Braze: the integration's endpoint. */
export const DEFAULT_BRAZE_PATH = '/users/track'

/** A replay target made concrete: where to send, and which profile's key, secret and Braze to use. */
export interface ResolvedTarget {
  /** Shown in run summaries: `braze (Acme EU)`, `sandbox`, `receiver`, the URL. */
  label: string
  profileId: string
  /** The URL for one capture. */
  urlFor: (capture: Capture) => string
  /** The Braze REST API for read-back, with its key (`Bearer …`); undefined when there is none. */
  braze: { endpoint: string; authorization: string } | undefined
  /** The Authorization a `profile` replay sends; undefined when the profile has no Braze key. */
  profileAuthorization: string | undefined
}

/**
 * What follows the receiver route in a capture's path, with its query:
 * `/hooks/braze/users/track?x=1` → `/users/track?x=1`. A capture that did not come through a
 * route (imported from HAR) keeps its whole path.
 */
export function pathAfterRoute(capture: Capture): string {
  const url = capture.request.url
  const prefix = `/hooks/${capture.route}`
  if (url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`))
    return url.slice(prefix.length)
  try {
    // An absolute URL (some imports keep one): its path and query.
    const parsed = new URL(url)
    return `${parsed.pathname}${parsed.search}`
  } catch {
    return url
  }
}

/** `{endpoint}{path after the route}`, with Braze's /users/track when nothing follows the route. */
export function brazeUrl(endpoint: string, capture: Capture): string {
  const rest = pathAfterRoute(capture)
  const path = rest === '' || rest.startsWith('?') ? `${DEFAULT_BRAZE_PATH}${rest}` : rest
  return `${endpoint.replace(/\/+$/, '')}${path}`
}

/** The receiver's own URL for a capture: its route and path as captured. */
export function receiverUrl(base: string, capture: Capture): string {
  const url = capture.request.url
  const path = url.startsWith('/hooks/') ? url : `/hooks/${capture.route}${pathAfterRoute(capture)}`
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
  const braze = endpoint && key ? { endpoint, authorization: `Bearer ${key}` } : undefined
  const common = {
    label: targetLabel(target),
    profileId: id,
    braze,
    profileAuthorization: braze?.authorization,
  }
  switch (target.kind) {
    case 'braze':
    case 'sandbox':
      if (!endpoint)
        throw new ReplayTargetError(
          `Profile ${id} has no Braze REST endpoint: set it under Connections.`,
        )
      return { ...common, urlFor: (capture) => brazeUrl(endpoint, capture) }
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
