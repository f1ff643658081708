import { isRecord } from '../../../../shared/is-record'
import { parseBrazeTime } from './braze-time'
import { EMAIL } from './track-identifier'
import type { ObjectFault } from './track-problems'

const RESERVED_EVENT_KEYS = new Set(['time', 'event_name'])
/** §5.1: event properties holding arrays or objects, and purchase properties, have a size cap. */
const EVENT_PROPERTIES_MAX_BYTES = 100 * 1024
const PURCHASE_PROPERTIES_MAX_BYTES = 50 * 1024

/** The first reason Braze would skip an attributes object beyond its identifier, or null. */
export function attributesFault(object: Record<string, unknown>): ObjectFault | null {
  if (typeof object.email === 'string' && object.email !== '' && !EMAIL.test(object.email)) {
    return { code: 'invalid-email', at: ['email'] }
  }
  return null
}

export function eventFault(object: Record<string, unknown>): ObjectFault | null {
  if (typeof object.name !== 'string' || object.name === '')
    return { code: 'event-name-required', at: ['name'] }
  return (
    timeFault(object.time) ??
    propertiesFault(object.properties, true) ??
    sizeFault(object.properties, 'events')
  )
}

export function purchaseFault(object: Record<string, unknown>): ObjectFault | null {
  const product = object.product_id
  if (typeof product !== 'string' || product === '' || product.length > 255)
    return { code: 'product-id-required', at: ['product_id'] }
  if (typeof object.currency !== 'string' || !/^[A-Za-z]{3}$/.test(object.currency))
    return { code: 'currency-invalid', at: ['currency'] }
  if (typeof object.price !== 'number' || !Number.isFinite(object.price))
    return { code: 'price-invalid', at: ['price'] }
  const quantity = object.quantity
  if (
    quantity !== undefined &&
    (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > 100)
  ) {
    return { code: 'quantity-invalid', at: ['quantity'] }
  }
  return (
    timeFault(object.time) ??
    propertiesFault(object.properties, false) ??
    sizeFault(object.properties, 'purchases')
  )
}

function timeFault(time: unknown): ObjectFault | null {
  if (time === undefined || time === null || time === '')
    return { code: 'time-required', at: ['time'] }
  return typeof time === 'string' && parseBrazeTime(time)
    ? null
    : { code: 'time-invalid', at: ['time'] }
}

/** Property keys: 1–255 characters, no leading `$`; `time` and `event_name` are reserved (§5.1). */
function propertiesFault(properties: unknown, reserved: boolean): ObjectFault | null {
  if (properties === undefined || properties === null) return null
  if (!isRecord(properties)) return { code: 'not-an-object', at: ['properties'] }
  for (const [key, value] of Object.entries(properties)) {
    const at = ['properties', key]
    if (reserved && RESERVED_EVENT_KEYS.has(key)) return { code: 'reserved-property', at, key }
    if (key === '' || key.length > 255 || key.startsWith('$'))
      return { code: 'property-key-invalid', at, key }
    if (typeof value === 'string' && value.length > 255)
      return { code: 'property-value-too-long', at, key }
  }
  return null
}

/** Events are capped only when a property holds an array or an object; purchases always (§5.1). */
function sizeFault(properties: unknown, array: 'events' | 'purchases'): ObjectFault | null {
  if (!isRecord(properties)) return null
  const structured = Object.values(properties).some(
    (value) => value !== null && typeof value === 'object',
  )
  if (array === 'events' && !structured) return null
  const limit = array === 'events' ? EVENT_PROPERTIES_MAX_BYTES : PURCHASE_PROPERTIES_MAX_BYTES
  if (Buffer.byteLength(JSON.stringify(properties)) <= limit) return null
  return {
    code: array === 'events' ? 'event-properties-too-large' : 'purchase-properties-too-large',
    at: ['properties'],
  }
}
