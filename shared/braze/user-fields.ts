/**
 * Every field of a Braze user profile Bridgebench knows, once, with where each one is used
 * (https://www.braze.com/docs/api/objects_filters/user_attributes_object/,
 * https://www.braze.com/docs/api/endpoints/export/user_data/post_users_identifier/,
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/supported_personalization_tags/).
 * Each use below is a subset of this list, never a list of its own.
 */

export type BrazeFieldUse =
  /** `/users/track` sets it as a standard attribute; any other key is a custom attribute. */
  | 'track'
  /** `/users/export/ids` can return it: a valid `fields_to_export` entry. */
  | 'export'
  /** A typed field of a sample user (`brazeUserProfile`); CSV import columns fill its scalars. */
  | 'profile'
  /** Fetched from Braze for a sample user the preview renders for. */
  | 'preview'

export interface BrazeUserField {
  /** The name `/users/track` and `/users/export/ids` use. */
  name: string
  /** JSON type of its value. */
  type: 'string' | 'number' | 'boolean' | 'array' | 'object'
  uses: readonly BrazeFieldUse[]
  /** Its `${name}` in Liquid, when a template reads it directly. */
  liquid?: string
}

const BOTH = ['track', 'export', 'profile', 'preview'] as const
const READ = ['export', 'profile', 'preview'] as const

/** Liquid standard attributes first, in Braze's documented order: suggestions follow it. */
export const BRAZE_USER_FIELDS: readonly BrazeUserField[] = [
  { name: 'first_name', type: 'string', uses: BOTH, liquid: 'first_name' },
  { name: 'last_name', type: 'string', uses: BOTH, liquid: 'last_name' },
  { name: 'email', type: 'string', uses: BOTH, liquid: 'email_address' },
  { name: 'phone', type: 'string', uses: BOTH, liquid: 'phone_number' },
  // Identifiers steer /users/track rather than set a standard attribute.
  { name: 'external_id', type: 'string', uses: READ, liquid: 'user_id' },
  { name: 'braze_id', type: 'string', uses: READ, liquid: 'braze_id' },
  { name: 'home_city', type: 'string', uses: BOTH, liquid: 'city' },
  { name: 'country', type: 'string', uses: BOTH, liquid: 'country' },
  { name: 'language', type: 'string', uses: BOTH, liquid: 'language' },
  { name: 'time_zone', type: 'string', uses: BOTH, liquid: 'time_zone' },
  { name: 'gender', type: 'string', uses: BOTH, liquid: 'gender' },
  { name: 'dob', type: 'string', uses: BOTH, liquid: 'date_of_birth' },
  // Braze computes these for a message; no endpoint reads or writes them.
  { name: 'last_used_app_date', type: 'string', uses: [], liquid: 'last_used_app_date' },
  { name: 'most_recent_app_version', type: 'string', uses: [], liquid: 'most_recent_app_version' },
  { name: 'most_recent_locale', type: 'string', uses: [], liquid: 'most_recent_locale' },
  { name: 'most_recent_location', type: 'object', uses: [], liquid: 'most_recent_location' },
  { name: 'random_bucket', type: 'number', uses: READ, liquid: 'random_bucket_number' },
  {
    name: 'set_user_to_unsubscribed_url',
    type: 'string',
    uses: [],
    liquid: 'set_user_to_unsubscribed_url',
  },
  {
    name: 'set_user_to_subscribed_url',
    type: 'string',
    uses: [],
    liquid: 'set_user_to_subscribed_url',
  },
  {
    name: 'set_user_to_opted_in_url',
    type: 'string',
    uses: [],
    liquid: 'set_user_to_opted_in_url',
  },
  { name: 'unsubscribe_url', type: 'string', uses: [], liquid: 'unsubscribe_url' },

  { name: 'email_subscribe', type: 'string', uses: BOTH },
  { name: 'push_subscribe', type: 'string', uses: BOTH },
  { name: 'custom_attributes', type: 'object', uses: READ },
  { name: 'devices', type: 'array', uses: READ },
  { name: 'user_aliases', type: 'array', uses: ['export', 'preview'] },
  { name: 'created_at', type: 'string', uses: ['export', 'preview'] },
  { name: 'push_tokens', type: 'array', uses: ['track', 'export'] },
  { name: 'email_open_tracking_disabled', type: 'boolean', uses: ['track'] },
  { name: 'email_click_tracking_disabled', type: 'boolean', uses: ['track'] },
  { name: 'current_location', type: 'object', uses: ['track'] },
  { name: 'date_of_first_session', type: 'string', uses: ['track'] },
  { name: 'date_of_last_session', type: 'string', uses: ['track'] },
  { name: 'marked_email_as_spam_at', type: 'string', uses: ['track'] },
  { name: 'subscription_groups', type: 'array', uses: ['track'] },
  { name: 'facebook', type: 'object', uses: ['track'] },
  { name: 'twitter', type: 'object', uses: ['track'] },
  { name: 'alias_name', type: 'string', uses: ['track'] },
  { name: 'alias_label', type: 'string', uses: ['track'] },
  { name: 'apps', type: 'array', uses: ['export'] },
  { name: 'attributed_campaign', type: 'string', uses: ['export'] },
  { name: 'attributed_source', type: 'string', uses: ['export'] },
  { name: 'attributed_adgroup', type: 'string', uses: ['export'] },
  { name: 'attributed_ad', type: 'string', uses: ['export'] },
  { name: 'custom_events', type: 'array', uses: ['export'] },
  { name: 'purchases', type: 'array', uses: ['export'] },
  { name: 'last_coordinates', type: 'array', uses: ['export'] },
  { name: 'total_revenue', type: 'number', uses: ['export'] },
  { name: 'uninstalled_at', type: 'string', uses: ['export'] },
  { name: 'campaigns_received', type: 'array', uses: ['export'] },
  { name: 'canvases_received', type: 'array', uses: ['export'] },
  { name: 'cards_clicked', type: 'array', uses: ['export'] },
]

/** The fields with one use, in list order. */
export function brazeFieldsFor(use: BrazeFieldUse): BrazeUserField[] {
  return BRAZE_USER_FIELDS.filter((field) => field.uses.includes(use))
}

/** Names of the fields with one use, for membership tests. */
export function brazeFieldNames(use: BrazeFieldUse): ReadonlySet<string> {
  return new Set(brazeFieldsFor(use).map((field) => field.name))
}

/** `${first_name}`, `${email_address}`…: the standard attributes a template reads directly. */
export const LIQUID_STANDARD_ATTRIBUTES: readonly string[] = BRAZE_USER_FIELDS.flatMap((field) =>
  field.liquid === undefined ? [] : [field.liquid],
)

/** The field a Liquid name reads: `email_address` → `email`, `first_name` → `first_name`. */
export const FIELD_OF_LIQUID_NAME: ReadonlyMap<string, string> = new Map(
  BRAZE_USER_FIELDS.flatMap((field) =>
    field.liquid === undefined ? [] : [[field.liquid, field.name] as const],
  ),
)
