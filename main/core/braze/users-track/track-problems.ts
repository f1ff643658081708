import { jsonPath } from '../../../../shared/json-path'

export type TrackArray = 'attributes' | 'events' | 'purchases'

/**
 * What Braze does about a problem in a `/users/track` body: refuse the `request` (400), skip the
 * `object` (listed in the answer's `errors`), or silently ignore or rewrite a `value` while still
 * processing the object.
 */
export type TrackEffect = 'request' | 'object' | 'value'

export interface TrackProblem {
  /** Where in the body, e.g. `attributes[0].external_id`; `` is the body itself. */
  path: string
  code: TrackProblemCode
  /** For a skipped object, Braze's own wording: the `type` of its `errors` entry. */
  message: string
  /** A concrete next step. */
  fix: string
  severity: 'error' | 'warning'
  effect: TrackEffect
  /** The object the problem is in; absent for problems of the whole request or an array. */
  object?: { array: TrackArray; index: number }
}

/**
 * Skipped-object problems, with Braze's wording (https://www.braze.com/docs/api/errors/ gives
 * only placeholder shapes). Strings marked "3rd-party" come from recorded client fixtures, the
 * "official" one from the /users/track page; the rest are ours where nothing is recorded.
 */
const OBJECT_PROBLEMS = {
  /** 3rd-party (the newer wording, which includes email and phone). */
  'identifier-required': {
    message: "'external_id', 'braze_id', 'user_alias', 'email' or 'phone' is required",
    fix: 'Give the object an external_id (or braze_id, user_alias, email or phone).',
  },
  /** 3rd-party. */
  'invalid-email': {
    message: "The value provided for the 'email' field is not a valid email.",
    fix: 'Send a whole address such as name@example.com, or leave email out.',
  },
  /** Ours, in the email message's style: Braze needs a valid phone to identify a user (§5.1). */
  'invalid-phone': {
    message: "The value provided for the 'phone' field is not a valid phone number.",
    fix: 'Send the number in E.164, e.g. +14155550101, or identify the user another way.',
  },
  'push-token-import-with-id': {
    message: (key: string) => `'${key}' must not be sent with 'push_token_import'`,
    fix: 'Leave external_id and braze_id out of push token imports, or drop push_token_import.',
  },
  'push-token-required': {
    message: "'push_token_import' needs 'push_tokens' with an 'app_id' and a 'token'",
    fix: 'Send "push_tokens": [{"app_id": "…", "token": "…"}].',
  },
  /** Official: Braze refuses dummy ids such as "undefined". */
  'blacklisted-external-id': {
    message: 'provided external_id is blacklisted and disallowed',
    fix: 'A placeholder rendered a dummy value: check what fills external_id.',
  },
  'not-an-object': {
    message: 'Each item must be a JSON object',
    fix: 'Write the item as a JSON object: { … }.',
  },
  'user-alias-invalid': {
    message: "'user_alias' needs string 'alias_name' and 'alias_label'",
    fix: 'Send "user_alias": {"alias_name": "…", "alias_label": "…"}.',
  },
  'event-name-required': {
    message: "'name' is required",
    fix: 'Give the event a name.',
  },
  'time-required': {
    message: "'time' is required",
    fix: 'Add a time such as "2026-01-31T09:30:00Z".',
  },
  'time-invalid': {
    message: "'time' must be an ISO 8601 time",
    fix: 'Write the time in ISO 8601, e.g. "2026-01-31T09:30:00Z".',
  },
  'reserved-property': {
    message: (key: string) => `'${key}' is a reserved event property and cannot be used`,
    fix: 'Rename the property: time and event_name are reserved.',
  },
  'property-key-invalid': {
    message: (key: string) =>
      `Property key '${key}' must be 1 to 255 characters and must not start with '$'`,
    fix: 'Rename the key: 1 to 255 characters, no leading $.',
  },
  'event-properties-too-large': {
    message: "'properties' with array or object values must be at most 100 KB",
    fix: 'Send fewer or smaller properties, or flatten arrays and objects into strings.',
  },
  'purchase-properties-too-large': {
    message: "Purchase 'properties' must be at most 50 KB",
    fix: 'Send fewer or smaller properties.',
  },
  'property-value-too-long': {
    message: (key: string) => `The value of property '${key}' is longer than 255 characters`,
    fix: 'Shorten the value to 255 characters.',
  },
  'product-id-required': {
    message: "'product_id' is required and must be at most 255 characters",
    fix: 'Give the purchase a product_id of 1 to 255 characters.',
  },
  'currency-invalid': {
    message: "'currency' must be an ISO 4217 currency code",
    fix: 'Use a three-letter currency code such as USD.',
  },
  'price-invalid': {
    message: "'price' is required and must be a number",
    fix: 'Send the price as a JSON number, not a string.',
  },
  'quantity-invalid': {
    message: "'quantity' must be an integer from 1 to 100",
    fix: 'Send a whole number from 1 to 100, or leave quantity out (1).',
  },
} as const

export type ObjectProblemCode = keyof typeof OBJECT_PROBLEMS
export type TrackProblemCode =
  | ObjectProblemCode
  | 'not-an-array'
  | 'too-many-objects'
  | 'no-valid-data'
  | 'value-ignored'
  | 'value-replaced'
  | 'nested-time-invalid'
  | 'nested-null'
  | 'nested-key-invalid'
  | 'nested-too-large'
  | 'nested-dropped'
  | 'nested-time-out-of-range'

/** Why one object is skipped: its code, where (relative to the object), and the key it names. */
export interface ObjectFault {
  code: ObjectProblemCode
  at: ReadonlyArray<string | number>
  key?: string
}

export function objectProblem(array: TrackArray, index: number, fault: ObjectFault): TrackProblem {
  const known = OBJECT_PROBLEMS[fault.code]
  return {
    path: jsonPath([array, index, ...fault.at]),
    code: fault.code,
    message: typeof known.message === 'string' ? known.message : known.message(fault.key ?? ''),
    fix: known.fix,
    severity: 'error',
    effect: 'object',
    object: { array, index },
  }
}

export function requestProblem(
  segments: ReadonlyArray<string | number>,
  code: 'not-an-array' | 'too-many-objects' | 'no-valid-data',
  message: string,
  fix: string,
): TrackProblem {
  return { path: jsonPath(segments), code, message, fix, severity: 'error', effect: 'request' }
}
