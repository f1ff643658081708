import type { ReadBackItem, ReadBackResult } from '../../../../shared/contract/forward'
import { isRecord } from '../../../../shared/is-record'
import { CONTROL_KEYS, STANDARD_FIELDS, standardOutcome } from './attribute-ops'
import { parseBrazeTime } from './braze-time'

/** `/users/export/ids` takes up to 50 external ids per request (braze.md §6). */
export const READ_BACK_MAX_IDS = 50

/** Braze keeps times to the second; Zendesk's to the minute. */
const TIME_SLACK_MS = 1_000

type ReadBackUser = ReadBackResult['users'][number]

/** The external ids a `/users/track` body names, in order, without repeats (at most 50). */
export function externalIdsOf(body: unknown): string[] {
  const ids = new Set<string>()
  for (const object of objectsOf(body)) {
    const id = object.item.external_id
    if (typeof id === 'string' && id.trim() !== '') ids.add(id)
  }
  return [...ids].slice(0, READ_BACK_MAX_IDS)
}

/** What to ask `/users/export/ids` for: the standard fields the body sets, and the aggregates. */
export function readBackFields(body: unknown): string[] {
  const fields = new Set(['external_id', 'custom_attributes', 'custom_events', 'purchases'])
  for (const { array, item } of objectsOf(body)) {
    if (array !== 'attributes') continue
    for (const key of Object.keys(item)) if (STANDARD_FIELDS.has(key)) fields.add(key)
  }
  return [...fields]
}

/**
 * Compares what a body sent with the exported profiles (braze.md §5.1, §6): each attribute is
 * `arrived` when the profile holds the value Braze would store for it (numbers may come back as
 * text), each event or purchase when the profile's aggregate has it with a `last` at or after
 * its time. Operations (`inc`, `add`, nested objects) are shown, not judged. A 2xx from
 * `/users/track` only means queued: this is what landed.
 */
export function compareReadBack(body: unknown, exported: unknown[], sentAt: Date): ReadBackUser[] {
  const byId = new Map<string, Record<string, unknown>>()
  for (const user of exported) {
    if (isRecord(user) && typeof user.external_id === 'string') byId.set(user.external_id, user)
  }
  return externalIdsOf(body).map((externalId) => {
    const user = byId.get(externalId)
    const items: ReadBackItem[] = []
    for (const { array, item } of objectsOf(body)) {
      if (item.external_id !== externalId) continue
      if (array === 'attributes') items.push(...attributeItems(item, user))
      else items.push(aggregateItem(array, item, user, sentAt))
    }
    return { externalId, found: user !== undefined, items }
  })
}

/** "2 of 3 attributes and 1 of 1 event arrived", over every user. */
export function readBackSummary(users: readonly ReadBackUser[]): string {
  const count = (kind: ReadBackItem['kind']) => {
    const all = users.flatMap((user) => user.items.filter((item) => item.kind === kind))
    return { all: all.length, arrived: all.filter((item) => item.state === 'arrived').length }
  }
  const parts = (['attribute', 'event', 'purchase'] as const).flatMap((kind) => {
    const { all, arrived } = count(kind)
    return all === 0 ? [] : [`${arrived} of ${all} ${kind}${all === 1 ? '' : 's'}`]
  })
  const missingUsers = users.filter((user) => !user.found).map((user) => user.externalId)
  const lost = missingUsers.length > 0 ? ` No profile for ${missingUsers.join(', ')}.` : ''
  if (parts.length === 0) return `Nothing to compare.${lost}`
  const last = parts.pop() as string
  return `${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last} arrived.${lost}`
}

function attributeItems(
  object: Record<string, unknown>,
  user: Record<string, unknown> | undefined,
): ReadBackItem[] {
  const custom = isRecord(user?.custom_attributes) ? user.custom_attributes : {}
  return Object.entries(object)
    .filter(([key]) => !CONTROL_KEYS.has(key))
    .map(([name, sent]) => {
      const standard = STANDARD_FIELDS.has(name)
      const found = standard ? user?.[name] : custom[name]
      const item = { name, kind: 'attribute' as const, sent, found }
      if (!user) return { ...item, state: 'missing' as const }
      if (standard) {
        const outcome = standardOutcome(name, sent)
        if (outcome.kind === 'ignored') return { ...item, state: 'not-compared' as const }
        const expected = outcome.kind === 'removed' ? null : outcome.value
        return { ...item, state: judge(expected, found) }
      }
      if (isRecord(sent)) return { ...item, state: 'not-compared' as const }
      if (Array.isArray(sent)) {
        const all = Array.isArray(found) && sent.every((value) => found.some((f) => same(f, value)))
        return {
          ...item,
          state: all
            ? ('arrived' as const)
            : found === undefined
              ? ('missing' as const)
              : ('differs' as const),
        }
      }
      return { ...item, state: judge(sent, found) }
    })
}

function aggregateItem(
  array: 'events' | 'purchases',
  object: Record<string, unknown>,
  user: Record<string, unknown> | undefined,
  sentAt: Date,
): ReadBackItem {
  const name = String(array === 'events' ? object.name : object.product_id)
  const kind = array === 'events' ? ('event' as const) : ('purchase' as const)
  const list = array === 'events' ? user?.custom_events : user?.purchases
  const entry = Array.isArray(list)
    ? (list as unknown[]).find((candidate) => isRecord(candidate) && candidate.name === name)
    : undefined
  const sent = { name, time: object.time }
  if (!isRecord(entry)) return { name, kind, sent, found: null, state: 'missing' }
  const found = { count: entry.count ?? null, last: entry.last ?? null }
  // Braze stores a future time as the time it processed the event.
  const time = typeof object.time === 'string' ? parseBrazeTime(object.time) : null
  const expected = Math.min(time?.getTime() ?? sentAt.getTime(), sentAt.getTime())
  const last = typeof entry.last === 'string' ? Date.parse(entry.last) : NaN
  const seen = Number.isFinite(last) && last + TIME_SLACK_MS >= expected
  return { name, kind, sent, found, state: seen ? 'arrived' : 'differs' }
}

function judge(expected: unknown, found: unknown): ReadBackItem['state'] {
  if (expected === null) return found === undefined || found === null ? 'arrived' : 'differs'
  if (found === undefined || found === null) return 'missing'
  return same(expected, found) ? 'arrived' : 'differs'
}

/**
 * Export answers may carry numbers and booleans as text (braze.md §6: `"loyaltyPoints": "321"`),
 * and a time in Braze's own form: the same instant counts as the same value.
 */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a === 'string' && typeof b === 'string') {
    const [at, bt] = [parseBrazeTime(a), parseBrazeTime(b)]
    if (at && bt) return at.getTime() === bt.getTime()
  }
  const scalar = (value: unknown) =>
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    typeof value === 'bigint'
  if (scalar(a) && scalar(b)) return String(a) === String(b)
  return JSON.stringify(a) === JSON.stringify(b)
}

function objectsOf(
  body: unknown,
): Array<{ array: 'attributes' | 'events' | 'purchases'; item: Record<string, unknown> }> {
  if (!isRecord(body)) return []
  return (['attributes', 'events', 'purchases'] as const).flatMap((array) => {
    const list = body[array]
    return Array.isArray(list)
      ? list.filter(isRecord).map((item: Record<string, unknown>) => ({ array, item }))
      : []
  })
}
