import type { TriggerContext } from '../../../shared/contract/compose'
import type { BrazeUserProfile } from '../../../shared/contract/users'
import { Drop } from 'liquidjs'
import { FIELD_OF_LIQUID_NAME, LIQUID_STANDARD_ATTRIBUTES } from '../../../shared/braze/user-fields'
import { STANDARD_SCOPE } from './dialect/names'
import { AttributeDrop, ContentBlocksDrop, type ContentBlockResolver } from './namespace-drop'

type Attributes = Record<string, unknown>

const STANDARD = new Set<string>(LIQUID_STANDARD_ATTRIBUTES)

/**
 * One standard attribute by its Liquid name, from an export-shaped profile; a profile written
 * with Liquid names (a hand-made user) works too. Names Braze does not define read nothing.
 */
export function standardAttribute(
  user: BrazeUserProfile,
  name: string,
  extra?: Attributes,
): unknown {
  if (extra !== undefined && Object.hasOwn(extra, name)) return extra[name]
  if (!STANDARD.has(name)) return undefined
  const record = user as Attributes
  const exportName = FIELD_OF_LIQUID_NAME.get(name)
  return (exportName === undefined ? undefined : record[exportName]) ?? record[name] ?? undefined
}

/** All standard attributes that have a value, e.g. for printing `${…}` namespaces whole. */
export function standardAttributes(user: BrazeUserProfile, extra?: Attributes): Attributes {
  const values: Attributes = {}
  for (const name of STANDARD) {
    const value = standardAttribute(user, name, extra)
    if (value !== undefined) values[name] = value
  }
  return values
}

/**
 * `most_recently_used_device` can only be approximated from the export's devices (§6): we take
 * the last one and guess the platform from its OS.
 */
function approximateDevice(user: BrazeUserProfile): Attributes {
  const device = user.devices?.at(-1)
  if (!device) return {}
  const os = typeof device.os === 'string' ? device.os : ''
  const platform = /ios|iphone|ipad/i.test(os)
    ? 'ios'
    : /android/i.test(os)
      ? 'android'
      : /tvos/i.test(os)
        ? 'tvos'
        : undefined
  return { ...device, id: device.device_id ?? device.idfv, platform }
}

/**
 * What a template reads, known once it is compiled: a render then builds just that. Null
 * members mean "anything" (Content Blocks and re-rendered responses can read any name).
 */
export interface ScopePlan {
  /** Namespaces to provide; null: all of them. */
  namespaces: ReadonlySet<string> | null
  /** Standard attributes read through `${…}`; null: all of them. */
  standardKeys: readonly string[] | null
  /** Namespaces read with a dotted key such as `${address.city}`, which needs a path lookup. */
  dotted: ReadonlySet<string>
  /** Where each message namespace (event_properties, …) is first read. */
  messageReferences: ReadonlyArray<{
    namespace: (typeof MESSAGE_NAMESPACES)[number]
    start: number
  }>
}

/** Everything a template can read for one user and one message. */
export function buildScope(
  user: BrazeUserProfile,
  context: TriggerContext = {},
  plan: ScopePlan,
  resolveContentBlock: ContentBlockResolver,
): Attributes {
  const { namespaces } = plan
  const scope: Attributes = {}
  if (namespaces === null || namespaces.has(STANDARD_SCOPE)) {
    scope[STANDARD_SCOPE] = plan.standardKeys
      ? pickStandard(user, plan.standardKeys, context.standard)
      : new StandardAttributesDrop(user, context.standard)
  }
  addNamespace(scope, plan, 'custom_attribute', user.custom_attributes)
  if (namespaces === null || namespaces.has('subscribed_state')) {
    addNamespace(scope, plan, 'subscribed_state', {
      email_global: user.email_subscribe,
      push_global: user.push_subscribe,
      ...context.subscribed_state,
    })
  }
  if (namespaces === null || namespaces.has('most_recently_used_device')) {
    const device = context.most_recently_used_device ?? approximateDevice(user)
    addNamespace(scope, plan, 'most_recently_used_device', device)
  }
  for (const name of MESSAGE_NAMESPACES) addNamespace(scope, plan, name, context[name])
  if (namespaces === null || namespaces.has('content_blocks')) {
    scope.content_blocks = new ContentBlocksDrop(resolveContentBlock)
  }
  return scope
}

/** A namespace the template reads; a Drop when it is read with dotted keys or by anything. */
function addNamespace(
  scope: Attributes,
  { namespaces, dotted }: ScopePlan,
  name: string,
  data: Attributes | undefined | null,
): void {
  if (namespaces !== null && !namespaces.has(name)) return
  const values = data ?? {}
  scope[name] = namespaces === null || dotted.has(name) ? new AttributeDrop(values) : values
}

function pickStandard(
  user: BrazeUserProfile,
  keys: readonly string[],
  extra: Attributes | undefined,
): Attributes {
  const values: Attributes = {}
  for (const key of keys) values[key] = standardAttribute(user, key, extra)
  return values
}

export const MESSAGE_NAMESPACES = [
  'event_properties',
  'api_trigger_properties',
  'canvas_entry_properties',
  'context',
  'campaign',
  'canvas',
  'card',
  'targeted_device',
  'app',
  'sms',
  'whats_app',
] as const

/** When each message namespace has data (braze.md §1.3–§1.6, §8.15). */
const WHEN_FILLED: Record<(typeof MESSAGE_NAMESPACES)[number], string> = {
  event_properties: 'the message is triggered by a custom event or purchase',
  api_trigger_properties: 'an API-triggered campaign sends trigger_properties',
  canvas_entry_properties: 'a Canvas is entered with canvas_entry_properties',
  context: 'a Canvas passes a context object',
  campaign: 'Braze sends the campaign (or Canvas step)',
  canvas: 'Braze sends the Canvas',
  card: 'the message is a Content Card',
  targeted_device: 'the message is a push or in-app message',
  app: 'the message is an in-app message',
  sms: 'an inbound SMS triggers the message',
  whats_app: 'an inbound WhatsApp message triggers the message',
}

/**
 * Message namespaces the template reads but this preview has no data for: the blanks are
 * expected, and the note says when Braze would fill them.
 */
export function emptyNamespaceNotes(
  plan: ScopePlan,
  context: TriggerContext = {},
): Array<{ namespace: string; start: number; message: string }> {
  return plan.messageReferences
    .filter((ref) => context[ref.namespace] === undefined)
    .map((ref) => ({
      ...ref,
      message: `${ref.namespace} has no data in this preview, so its values render empty; it is filled only when ${WHEN_FILLED[ref.namespace]}.`,
    }))
}

/** The first reference to each message namespace, where a note about it belongs. */
export function messageReferences(
  references: ReadonlyArray<{ namespace: string | null; start: number }>,
): ScopePlan['messageReferences'] {
  return MESSAGE_NAMESPACES.flatMap((namespace) => {
    const first = references.find((r) => r.namespace === namespace)
    return first ? [{ namespace, start: first.start }] : []
  })
}

/** `${first_name}` and friends, read from the profile only when a template asks. */
class StandardAttributesDrop extends Drop {
  readonly #user: BrazeUserProfile
  readonly #extra: Attributes | undefined

  constructor(user: BrazeUserProfile, extra: Attributes | undefined) {
    super()
    this.#user = user
    this.#extra = extra
  }

  override liquidMethodMissing(key: string | number): unknown {
    return standardAttribute(this.#user, String(key), this.#extra)
  }

  override valueOf(): Attributes {
    return standardAttributes(this.#user, this.#extra)
  }
}
