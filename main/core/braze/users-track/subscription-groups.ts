import { isRecord } from '../../../../shared/is-record'

export interface SubscriptionGroupState {
  subscription_group_id: string
  subscription_state: 'subscribed' | 'unsubscribed'
}

/**
 * The entries of a `subscription_groups` update Braze can apply (braze.md §5.1:
 * `[{subscription_group_id, subscription_state: "subscribed"|"unsubscribed"}]`) and the indexes
 * of those it cannot.
 */
export function readSubscriptionGroups(value: unknown): {
  states: SubscriptionGroupState[]
  unusable: number[]
} {
  const states: SubscriptionGroupState[] = []
  const unusable: number[] = []
  ;(Array.isArray(value) ? value : []).forEach((entry: unknown, index) => {
    if (
      isRecord(entry) &&
      typeof entry.subscription_group_id === 'string' &&
      entry.subscription_group_id !== '' &&
      (entry.subscription_state === 'subscribed' || entry.subscription_state === 'unsubscribed')
    ) {
      states.push({
        subscription_group_id: entry.subscription_group_id,
        subscription_state: entry.subscription_state,
      })
    } else unusable.push(index)
  })
  return { states, unusable }
}

/** A user's groups after an update: each group sent takes its new state, the others stay. */
export function mergeSubscriptionGroups(
  current: unknown,
  update: readonly SubscriptionGroupState[],
): SubscriptionGroupState[] {
  const merged = new Map(
    readSubscriptionGroups(current).states.map((state) => [state.subscription_group_id, state]),
  )
  for (const state of update) merged.set(state.subscription_group_id, { ...state })
  return [...merged.values()]
}
