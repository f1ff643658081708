import type { BrazeProfileView, BrazeTimelineEntry } from '../../../../shared/contract/simulators'
import { isRecord } from '../../../../shared/is-record'
import {
  CONTROL_KEYS,
  STANDARD_FIELDS,
  applyCustom,
  applyStandard,
} from '../../braze/users-track/attribute-ops'
import { parseBrazeTime } from '../../braze/users-track/braze-time'
import { normalizePhone } from '../../braze/users-track/phone-number'
import type { TrackIdentifier, UserAlias } from '../../braze/users-track/track-identifier'

/** Enough history for a demo; a load test must not grow memory without bound. */
const TIMELINE_LIMIT = 200

export interface Aggregate {
  first: string
  last: string
  count: number
}

export interface BrazeProfile {
  brazeId: string
  externalId: string | null
  userAliases: UserAlias[]
  standard: Record<string, unknown>
  custom: Record<string, unknown>
  createdAt: Date
  updatedAt: Date
  timeline: BrazeTimelineEntry[]
  events: Map<string, Aggregate>
  purchases: Map<string, Aggregate>
  totalRevenue: number
  randomBucket: number
}

/** A user in `/users/export/ids` shape, as in resources/sample-users.json. */
export interface ExportUserSeed {
  external_id?: string
  braze_id?: string
  custom_attributes?: Record<string, unknown>
  [standardField: string]: unknown
}

/** The simulated workspace's user profiles, where tracked attributes and events land (§5). */
export class BrazeProfileStore {
  readonly profiles = new Map<string, BrazeProfile>()
  private readonly byExternalId = new Map<string, BrazeProfile>()

  constructor(private readonly random: () => number) {}

  seed(user: ExportUserSeed, now: Date): BrazeProfile {
    const profile = this.create(now, user.braze_id)
    if (user.external_id) this.setExternalId(profile, user.external_id)
    for (const [key, value] of Object.entries(user)) {
      if (key === 'external_id' || key === 'braze_id' || key === 'custom_attributes') continue
      if (value !== undefined) profile.standard[key] = value
    }
    if (isRecord(user.custom_attributes)) profile.custom = structuredClone(user.custom_attributes)
    return profile
  }

  find(identifier: TrackIdentifier): BrazeProfile | undefined {
    switch (identifier.kind) {
      case 'external_id':
        return this.byExternalId.get(identifier.value)
      case 'braze_id':
        return this.profiles.get(identifier.value)
      case 'user_alias': {
        const { alias_name, alias_label } = identifier.value
        for (const profile of this.profiles.values()) {
          if (
            profile.userAliases.some(
              (a) => a.alias_name === alias_name && a.alias_label === alias_label,
            )
          )
            return profile
        }
        return undefined
      }
      case 'email':
        // Several profiles may share an email: the most recently updated one with an external_id wins (§5.1).
        return this.newest(
          (p) =>
            typeof p.standard.email === 'string' &&
            p.standard.email.toLowerCase() === identifier.value,
        )
      case 'phone': {
        const phone = normalizePhone(identifier.value) ?? identifier.value
        return this.newest(
          (p) =>
            typeof p.standard.phone === 'string' &&
            (normalizePhone(p.standard.phone) ?? p.standard.phone) === phone,
        )
      }
      case 'push_token':
        return this.newest(
          (p) =>
            Array.isArray(p.standard.push_tokens) &&
            p.standard.push_tokens.some(
              (token) => isRecord(token) && token.token === identifier.value,
            ),
        )
    }
  }

  /** Finds the profile an object names, creating it unless `_update_existing_only` (§5.1). */
  resolve(
    identifier: TrackIdentifier,
    updateExistingOnly: boolean,
    now: Date,
  ): BrazeProfile | undefined {
    const found = this.find(identifier)
    if (found || updateExistingOnly || identifier.kind === 'braze_id') return found
    const profile = this.create(now)
    if (identifier.kind === 'external_id') this.setExternalId(profile, identifier.value)
    else if (identifier.kind === 'user_alias') profile.userAliases.push(identifier.value)
    // An anonymous user: the object's push_tokens land with its other attributes.
    else if (identifier.kind !== 'push_token') profile.standard[identifier.kind] = identifier.value
    return profile
  }

  /**
   * Applies one attributes object. `dropNested`: the request held an invalid nested attribute, so
   * Braze keeps none of its nested updates (§5.1). Subscription groups set here also update the
   * other profiles with the same email (§5.1); those profiles are returned.
   */
  applyAttributes(
    profile: BrazeProfile,
    object: Record<string, unknown>,
    now: Date,
    options: { arrayLimit: number; dropNested: boolean },
  ): BrazeProfile[] {
    const changed: Record<string, unknown> = {}
    const custom = { ...options, mergeObjects: object._merge_objects === true }
    for (const [key, value] of Object.entries(object)) {
      if (CONTROL_KEYS.has(key)) continue
      if (STANDARD_FIELDS.has(key)) {
        if (applyStandard(profile.standard, key, value)) changed[key] = value
      } else {
        if (applyCustom(profile.custom, key, value, custom)) changed[key] = value
      }
    }
    const names = Object.keys(changed)
    if (names.length === 0) return []
    this.touch(profile, now, attributesEntry(changed, now))
    const groups = changed.subscription_groups
    const email = profile.standard.email
    if (groups === undefined || typeof email !== 'string') return []
    const sharing = [...this.profiles.values()].filter(
      (other) =>
        other !== profile &&
        typeof other.standard.email === 'string' &&
        other.standard.email.toLowerCase() === email.toLowerCase(),
    )
    for (const other of sharing) {
      applyStandard(other.standard, 'subscription_groups', groups)
      this.touch(other, now, attributesEntry({ subscription_groups: groups }, now))
    }
    return sharing
  }

  addEvent(profile: BrazeProfile, object: Record<string, unknown>, now: Date): void {
    const name = object.name as string
    const time = eventTime(object.time as string, now)
    aggregate(profile.events, name, time)
    const properties = isRecord(object.properties) ? structuredClone(object.properties) : {}
    this.touch(profile, now, {
      kind: 'event',
      name,
      time,
      receivedAt: now.toISOString(),
      properties,
    })
  }

  addPurchase(profile: BrazeProfile, object: Record<string, unknown>, now: Date): void {
    const productId = object.product_id as string
    const time = eventTime(object.time as string, now)
    // Braze stores quantity X as X purchases of 1 (§5.1).
    const quantity = typeof object.quantity === 'number' ? object.quantity : 1
    for (let i = 0; i < quantity; i++) aggregate(profile.purchases, productId, time)
    profile.totalRevenue += (object.price as number) * quantity
    const properties = {
      currency: object.currency,
      price: object.price,
      quantity,
      ...(isRecord(object.properties) ? object.properties : {}),
    }
    this.touch(profile, now, {
      kind: 'purchase',
      name: productId,
      time,
      receivedAt: now.toISOString(),
      properties,
    })
  }

  view(profile: BrazeProfile): BrazeProfileView {
    const { email, phone, first_name, last_name, ...rest } = profile.standard
    return {
      brazeId: profile.brazeId,
      externalId: profile.externalId,
      userAliases: profile.userAliases.map((alias) => ({ ...alias })),
      email: typeof email === 'string' ? email : null,
      phone: typeof phone === 'string' ? phone : null,
      firstName: typeof first_name === 'string' ? first_name : null,
      lastName: typeof last_name === 'string' ? last_name : null,
      standardAttributes: structuredClone(rest),
      customAttributes: structuredClone(profile.custom),
      createdAt: profile.createdAt.toISOString(),
      updatedAt: profile.updatedAt.toISOString(),
      timeline: profile.timeline.map((entry) => ({ ...entry })),
    }
  }

  private create(now: Date, brazeId?: string): BrazeProfile {
    const id = brazeId ?? this.newBrazeId()
    const profile: BrazeProfile = {
      brazeId: id,
      externalId: null,
      userAliases: [],
      standard: {},
      custom: {},
      createdAt: now,
      updatedAt: now,
      timeline: [],
      events: new Map(),
      purchases: new Map(),
      totalRevenue: 0,
      randomBucket: Math.floor(this.random() * 10_000),
    }
    this.profiles.set(id, profile)
    return profile
  }

  private setExternalId(profile: BrazeProfile, externalId: string): void {
    profile.externalId = externalId
    this.byExternalId.set(externalId, profile)
  }

  private newest(matches: (profile: BrazeProfile) => boolean): BrazeProfile | undefined {
    let best: BrazeProfile | undefined
    for (const profile of this.profiles.values()) {
      if (!matches(profile)) continue
      const better =
        !best ||
        (profile.externalId !== null && best.externalId === null) ||
        ((profile.externalId !== null) === (best.externalId !== null) &&
          profile.updatedAt >= best.updatedAt)
      if (better) best = profile
    }
    return best
  }

  private touch(profile: BrazeProfile, now: Date, entry: BrazeTimelineEntry): void {
    profile.updatedAt = now
    profile.timeline.push(entry)
    if (profile.timeline.length > TIMELINE_LIMIT)
      profile.timeline.splice(0, profile.timeline.length - TIMELINE_LIMIT)
  }

  private newBrazeId(): string {
    let id = ''
    for (let i = 0; i < 24; i++) id += Math.floor(this.random() * 16).toString(16)
    return this.profiles.has(id) ? this.newBrazeId() : id
  }
}

function attributesEntry(changed: Record<string, unknown>, now: Date): BrazeTimelineEntry {
  return {
    kind: 'attributes',
    name: Object.keys(changed).join(', '),
    time: now.toISOString(),
    receivedAt: now.toISOString(),
    properties: changed,
  }
}

/** A future time is replaced with the current time (§5.1). */
function eventTime(text: string, now: Date): string {
  const parsed = parseBrazeTime(text) ?? now
  return (parsed > now ? now : parsed).toISOString()
}

function aggregate(map: Map<string, Aggregate>, name: string, time: string): void {
  const current = map.get(name)
  if (!current) map.set(name, { first: time, last: time, count: 1 })
  else {
    if (time < current.first) current.first = time
    if (time > current.last) current.last = time
    current.count += 1
  }
}
