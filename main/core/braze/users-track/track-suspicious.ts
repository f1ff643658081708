import { isRecord } from '../../../../shared/is-record'
import { displayValueOf } from '../../zendesk/placeholders/display-values'
import { CONTROL_KEYS } from './attribute-ops'
import { parseBrazeTime } from './braze-time'

/** A problem found in a value, before it is placed in the body text. */
export interface Finding {
  code: string
  severity: 'error' | 'warning'
  message: string
  fix: string
  segments: Array<string | number>
}

const ARRAYS = ['attributes', 'events', 'purchases'] as const
const RESERVED_EVENT_KEYS = new Set(['time', 'event_name'])
const BOOLEAN_KEYS = new Set(['_update_existing_only', '_merge_objects', 'push_token_import'])
const BOOLEAN_TEXT = /^(?:true|false)$/i

/**
 * What a Zendesk-rendered body gets wrong that Braze does not refuse, or refuses only after the
 * first problem of an object (so every one is listed): placeholders render text, so `"true"`
 * arrives as a string and `{{ticket.status}}` as the display string `Solved`
 * (https://support.zendesk.com/hc/en-us/articles/4408886858138); an empty placeholder leaves
 * `external_id` blank; event properties must not use reserved or `$` keys
 * (https://www.braze.com/docs/api/objects_filters/event_object/).
 */
export function suspiciousValues(body: unknown): Finding[] {
  if (!isRecord(body)) return []
  const findings: Finding[] = []
  for (const array of ARRAYS) {
    const list = body[array]
    if (!Array.isArray(list)) continue
    list.forEach((object: unknown, index) => {
      if (!isRecord(object)) return
      const at = [array, index]
      if (typeof object.external_id === 'string' && object.external_id.trim() === '')
        findings.push(emptyId([...at, 'external_id']))
      if (array === 'attributes') findings.push(...attributeFindings(object, at))
      else findings.push(...timedFindings(object, at, array === 'events'))
    })
  }
  return findings
}

function attributeFindings(object: Record<string, unknown>, at: Array<string | number>) {
  const findings: Finding[] = []
  for (const [key, value] of Object.entries(object)) {
    const segments = [...at, key]
    if (BOOLEAN_KEYS.has(key)) {
      if (typeof value === 'string' && BOOLEAN_TEXT.test(value.trim()))
        findings.push(controlAsString(segments, key, value))
      continue
    }
    if (CONTROL_KEYS.has(key)) continue
    if (key.startsWith('$')) findings.push(dollarKey(segments, key, 'warning'))
    findings.push(...valueFindings(value, segments))
  }
  return findings
}

function timedFindings(
  object: Record<string, unknown>,
  at: Array<string | number>,
  event: boolean,
) {
  const findings: Finding[] = []
  const time = object.time
  if (time === undefined || time === null || time === '') {
    findings.push({
      code: 'time-required',
      severity: 'error',
      message: "Braze skips this object: 'time' is required.",
      fix: 'Add a time, e.g. "{{ticket.updated_at_with_timestamp}}" in a Zendesk trigger body.',
      segments: [...at, 'time'],
    })
  } else if (typeof time !== 'string' || !parseBrazeTime(time)) {
    findings.push({
      code: 'time-invalid',
      severity: 'error',
      message: `Braze skips this object: 'time' must be an ISO 8601 time, not ${JSON.stringify(time)}.`,
      fix: 'Use an ISO 8601 placeholder such as {{ticket.updated_at_with_timestamp}} (2026-01-31T09:30Z); {{ticket.updated_at}} renders a display date.',
      segments: [...at, 'time'],
    })
  }
  const properties = object.properties
  if (!isRecord(properties)) return findings
  for (const [key, value] of Object.entries(properties)) {
    const segments = [...at, 'properties', key]
    if (event && RESERVED_EVENT_KEYS.has(key)) {
      findings.push({
        code: 'reserved-property',
        severity: 'error',
        message: `Braze skips this object: '${key}' is a reserved event property and cannot be used.`,
        fix: 'Rename the property: time and event_name are reserved.',
        segments,
      })
    } else if (key.startsWith('$')) findings.push(dollarKey(segments, key, 'error'))
    findings.push(...valueFindings(value, segments))
  }
  return findings
}

/** A value as a placeholder renders it: a boolean written as text, a display string. */
function valueFindings(value: unknown, segments: Array<string | number>): Finding[] {
  if (typeof value !== 'string') return []
  if (BOOLEAN_TEXT.test(value.trim())) {
    return [
      {
        code: 'boolean-as-string',
        severity: 'warning',
        message: `${JSON.stringify(value)} is a string: Braze stores the text, not a boolean, so filters for true or false do not match it.`,
        fix: 'Write true or false without quotes (in a Zendesk trigger body, leave that value unquoted).',
        segments,
      },
    ]
  }
  const display = displayValueOf(value)
  if (!display) return []
  return [
    {
      code: 'zendesk-display-value',
      severity: 'warning',
      message: `${JSON.stringify(value)} is how Zendesk displays the ticket ${display.field} (its API value is "${display.apiValue}"): placeholders render display strings, in the account's language.`,
      fix: `If Braze segments or Liquid compare with "${display.apiValue}", compare with "${value}" instead, or lower-case it in the trigger body ({{ticket.${display.field === 'type' ? 'ticket_type' : display.field} | downcase}}).`,
      segments,
    },
  ]
}

function emptyId(segments: Array<string | number>): Finding {
  return {
    code: 'empty-external-id',
    severity: 'warning',
    message:
      'external_id is empty: the placeholder that fills it rendered nothing, so Braze identifies this object by another field.',
    fix: 'Check the placeholder (for example {{ticket.requester.external_id}}): the requester has no external id in Zendesk.',
    segments,
  }
}

function controlAsString(segments: Array<string | number>, key: string, value: string): Finding {
  return {
    code: 'boolean-as-string',
    severity: 'warning',
    message: `${key} is the string ${JSON.stringify(value)}: Braze reads only a JSON boolean here and ignores text, so its default applies.`,
    fix: `Write "${key}": true (or false) without quotes.`,
    segments,
  }
}

function dollarKey(
  segments: Array<string | number>,
  key: string,
  severity: 'error' | 'warning',
): Finding {
  return {
    code: severity === 'error' ? 'property-key-invalid' : 'dollar-key',
    severity,
    message:
      severity === 'error'
        ? `Braze skips this object: property key '${key}' must not start with '$'.`
        : `Key '${key}' starts with '$': Braze reserves $ for its own operators (such as $time in nested attributes).`,
    fix: 'Rename the key without the leading $.',
    segments,
  }
}
