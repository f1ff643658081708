/**
 * Zendesk's error bodies. Bodies marked "approximation" stand where reference/zendesk.md has no
 * recorded text; every other string is verbatim from the reference section cited.
 */

export interface ErrorDetail {
  description: string
  error?: string
  ticket_field_id?: number
  ticket_field_type?: string
  field_key?: number
}

export type ErrorDetails = Record<string, ErrorDetail[]>

/** §1.3: bad or missing Basic credentials (37 bytes). */
export const COULD_NOT_AUTHENTICATE = { error: "Couldn't authenticate you" }
export const BASIC_CHALLENGE = { 'www-authenticate': 'Basic realm="Web Password"' }

/** §1.3: an invalid OAuth access token. */
export const INVALID_OAUTH_TOKEN = {
  error: 'invalid_token',
  error_description:
    'The access token provided is expired, revoked, malformed or invalid for other reasons.',
}

/** §1.3: the flat 403 shape. */
export const FORBIDDEN = {
  error: 'Forbidden',
  description:
    'You do not have access to this page. Please contact the account owner of this help desk for further help.',
}

/** §1.3: an OAuth token without the scope the request needs. */
export function missingScope(scope: string) {
  return {
    error: 'Forbidden',
    description: `You are missing the following required scopes: ${scope}`,
  }
}

/** §1.3, from a recorded fixture. */
export const RECORD_NOT_FOUND = { error: 'RecordNotFound', description: 'Not found' }

/** Approximation: the body of a request to a path the API does not have. */
export const INVALID_ENDPOINT = { error: 'InvalidEndpoint', description: 'Not found' }

/**
 * Approximation: a path that is not valid percent-encoding (`/webhooks/%E0%A4%A`). Rails refuses
 * it as a bad request before routing or authentication.
 */
export const MALFORMED_PATH = {
  error: 'InvalidEndpoint',
  description: 'Bad Request: the URL path is not valid percent-encoded UTF-8',
}

/** §3.3 suggests this body and says it is an approximation. */
export const RATE_LIMIT_EXCEEDED = {
  error: 'APIRateLimitExceeded',
  description: 'Number of allowed API requests per minute exceeded',
}

/** §2.1, recorded. */
export const IDEMPOTENCY_MISMATCH = {
  error: 'IdempotentRequestError',
  description: "Request parameters don't match the given idempotency key",
}

/** Approximation: §2.1 reports a 255-character limit but not the error text. */
export const IDEMPOTENCY_KEY_TOO_LONG = {
  error: 'IdempotentRequestError',
  description: 'Idempotency key is too long (maximum is 255 characters)',
}

/** Approximation: §2 says a bad request may even come back as text/plain. */
export function invalidJson(reason: string) {
  return { error: 'InvalidJSON', description: `The request body is not valid JSON: ${reason}` }
}

/** §2 and §4.5: every validation failure is a 422 with this envelope. */
export function recordInvalid(details: ErrorDetails) {
  return { error: 'RecordInvalid', description: 'Record validation errors', details }
}

/** §4.5, verbatim (the field id and type are the account's; these are the recorded ones). */
export const DESCRIPTION_BLANK: ErrorDetail = {
  description: 'Description: cannot be blank',
  error: 'BlankValue',
  ticket_field_id: 21414565,
  ticket_field_type: 'FieldDescription',
}

/** §4.5 (zenpy#287), verbatim: note the two spaces after "Name:". */
export const REQUESTER_NAME_TOO_SHORT: ErrorDetail = {
  description: 'Requester: Name:  is too short (minimum is 1 character)',
}

/** §4.5 (node-zendesk#3), user create, verbatim. */
export const USER_NAME_TOO_SHORT: ErrorDetail = {
  description: 'Name: is too short (minimum is 1 characters)',
}

/** §4.2, verbatim apart from the address. */
export function requesterEmailInvalid(email: string): ErrorDetail {
  return { description: `Requester: Email: ${email} is not properly formatted` }
}

/** §4.2 (zendesk_api_client_rb#369), verbatim apart from the name. */
export function requesterSuspended(name: string): ErrorDetail {
  return { description: `Requester: ${name} is suspended.` }
}

/** Approximation: §4.5 says an unknown requester_id is a 422 under `requester`, text unknown. */
export const REQUESTER_NOT_FOUND: ErrorDetail = {
  description: 'Requester: is invalid',
  error: 'InvalidValue',
}

/** §4.5, verbatim. */
export const ASSIGNEE_WHILE_ROUTING: ErrorDetail = {
  description: 'Assignee cannot be set while the ticket is being routed',
  error: 'InvalidValue',
}

/** §4.5, verbatim apart from the field's title and id. */
export function customFieldInvalid(title: string, fieldId: number): ErrorDetail {
  return { description: `${title}: is invalid`, error: 'InvalidValue', field_key: fieldId }
}

/** Approximation: invalid enum values are undocumented (§9 Q5). */
export function enumValueInvalid(label: string, value: unknown): ErrorDetail {
  return { description: `${label}: ${JSON.stringify(value)} is not valid`, error: 'InvalidValue' }
}

/** Zendesk's wording for an update to a closed ticket (closed tickets are locked, §4.4). */
export const CLOSED_PREVENTS_UPDATE: ErrorDetail = {
  description: 'Status: closed prevents ticket update',
  error: 'ClosedPreventsUpdate',
}

/** Approximation in Zendesk's blank-value style, for business rules and webhooks. */
export function blankValue(label: string): ErrorDetail {
  return { description: `${label}: cannot be blank`, error: 'BlankValue' }
}

export function invalidValue(label: string, why: string): ErrorDetail {
  return { description: `${label}: ${why}`, error: 'InvalidValue' }
}

/** Approximation of the webhooks API's `{"errors":[…]}` shape (§5.2, §9 Q7). */
export function webhookErrors(...errors: Array<{ code: string; title: string; detail: string }>) {
  return { errors }
}
