import type { BrazeSimulatorSettings } from '../../../../shared/contract/simulators'
import type { BrazeProfileStore } from './profile-store'
import { checkTrackBody } from '../../braze/users-track/track-validation'
import { trackErrors, trackRefusal } from './track-answer'

export interface EndpointAnswer {
  status: number
  body: object
  /** Profiles this request changed, for the change feed. */
  touched: string[]
  summary: string
}

/**
 * `POST /users/track` (braze.md §5): validates, then applies attributes, events and purchases in
 * that order. Braze only queues the work; the simulator applies it at once so a demo sees it.
 */
export function handleTrack(
  body: unknown,
  store: BrazeProfileStore,
  settings: BrazeSimulatorSettings,
  now: Date,
): EndpointAnswer {
  const { plan, problems } = checkTrackBody(body, {
    maxObjects: settings.maxObjects,
    scope: settings.maxObjectsScope,
  })
  const refusal = trackRefusal(problems)
  if (refusal) return { status: 400, body: refusal, touched: [], summary: refusal.message }
  const errors = trackErrors(problems)
  const touched = new Set<string>()
  for (const item of plan.attributes ?? []) {
    const profile = store.resolve(item.identifier, item.updateExistingOnly, now)
    if (!profile) continue
    const alsoUpdated = store.applyAttributes(profile, item.object, now, {
      arrayLimit: settings.arrayAttributeLimit,
      dropNested: plan.dropNestedAttributes,
    })
    touched.add(profile.brazeId)
    for (const other of alsoUpdated) touched.add(other.brazeId)
  }
  for (const item of plan.events ?? []) {
    const profile = store.resolve(item.identifier, item.updateExistingOnly, now)
    if (!profile) continue
    store.addEvent(profile, item.object, now)
    touched.add(profile.brazeId)
  }
  for (const item of plan.purchases ?? []) {
    const profile = store.resolve(item.identifier, item.updateExistingOnly, now)
    if (!profile) continue
    store.addPurchase(profile, item.object, now)
    touched.add(profile.brazeId)
  }

  // §5.4: `*_processed` only for the arrays sent; `errors` only when some objects were skipped.
  const answer: Record<string, unknown> = { message: 'success' }
  if (plan.attributes) answer.attributes_processed = plan.attributes.length
  if (plan.events) answer.events_processed = plan.events.length
  if (plan.purchases) answer.purchases_processed = plan.purchases.length
  if (errors.length > 0) answer.errors = errors
  const counts = [
    plan.attributes ? `${plan.attributes.length} attributes` : '',
    plan.events ? `${plan.events.length} events` : '',
    plan.purchases ? `${plan.purchases.length} purchases` : '',
    errors.length > 0 ? `${errors.length} errors` : '',
  ].filter(Boolean)
  return {
    status: settings.successStatus,
    body: answer,
    touched: [...touched],
    summary: counts.join(', '),
  }
}
