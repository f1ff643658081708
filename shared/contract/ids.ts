import { z } from 'zod'

/**
 * Every id an operation takes, as its real format. Ids name records, files and list entries,
 * never paths: a value that is not an id of its kind is refused here, before any store sees it.
 * Messages describe the expected format and never echo file contents.
 */

/**
 * A stored record (exchange, capture…): a ULID, 26 characters of Crockford base32, upper case
 * (https://github.com/ulid/spec). The first character is 0–7 because the time part is 48 bits.
 */
export const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/
export const recordId = z
  .string()
  .regex(
    ULID_PATTERN,
    'Expected a record id: 26 characters of ULID, such as 01JDQ8W9T6V3N2M1K0H9G8F7E6.',
  )

/** A Zendesk ticket id: a positive whole number. */
export const ticketId = z
  .number()
  .int('Expected a Zendesk ticket id: a whole number.')
  .positive('Expected a Zendesk ticket id: a number above 0.')
  .max(Number.MAX_SAFE_INTEGER)

/** The built-in Sandbox, or a saved profile (`p-` and 8 hex digits). */
export const profileId = z
  .string()
  .regex(/^(?:sandbox|p-[0-9a-f]{8})$/, 'Expected a profile id: "sandbox" or p- and 8 hex digits.')

/** A built-in template's slug or a saved one's `tpl-` id: lower-case letters, digits, hyphens. */
export const templateId = z
  .string()
  .max(64, 'Expected a template id of at most 64 characters.')
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'Expected a template id: lower-case letters, digits and single hyphens (tpl-1a2b3c4d).',
  )

/** A saved preset: `preset-` and 8 hex digits. */
export const presetId = z
  .string()
  .regex(/^preset-[0-9a-f]{8}$/, 'Expected a preset id: preset- and 8 hex digits.')

/**
 * A sample user: a library id, or the user's Braze `external_id` / `braze_id`, which Braze
 * allows to be any text (https://www.braze.com/docs/developer_guide/rest_api/user_data/#external-user-id-explanation).
 * It is only ever compared, never used in a path; control characters are refused.
 */
export const userId = z
  .string()
  .min(1, 'Expected a sample user id.')
  .max(512, 'Expected a sample user id of at most 512 characters.')
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'Expected a sample user id without control characters.')

/** An OAuth sign-in in progress: a UUID. */
export const oauthFlowId = z.uuid('Expected an OAuth sign-in id (a UUID).')
