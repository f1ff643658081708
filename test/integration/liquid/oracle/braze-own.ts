import type { OracleCase } from './oracle-case'

/**
 * Where Braze's Liquid is not stock Ruby Liquid 5, in one place: each case here renders
 * differently in Bridgebench than in plain Ruby Liquid on purpose, and says why. The
 * differential suite checks that each still differs (so this list stays true) and that every
 * other case of the corpus agrees.
 */
export interface BrazeOwn {
  case: OracleCase
  why: string
}

const own = (id: string, template: string, why: string): BrazeOwn => ({
  case: { id: `braze-${id}`, template },
  why,
})

export const BRAZE_OWN: BrazeOwn[] = [
  own(
    'money',
    '{{ 145 | money }}',
    "Braze's money filter prints 145.00 (not cents); stock Liquid has no money filter.",
  ),
  own(
    'md5',
    '{{ "hey" | md5 }}',
    'Braze adds hashing filters (md5, sha1, sha2, hmac_*); stock Liquid has none.',
  ),
  own('json-escape', '{{ \'say "hi"\' | json_escape }}', 'json_escape is a Braze filter.'),
  own(
    'url-escape',
    '{{ "hey<>hi" | url_escape }}',
    'url_escape and url_param_escape are Braze filters.',
  ),
  own(
    'number-with-delimiter',
    '{{ 123456 | number_with_delimiter }}',
    'number_with_delimiter is a Braze filter.',
  ),
  own(
    'time-zone',
    '{{ "2021-06-03T17:13:41Z" | time_zone: "America/Chicago" | date: "%H" }}',
    'time_zone is a Braze filter.',
  ),
  own(
    'to-i',
    '{{ "12abc" | to_i }}',
    'Braze renders to_i (its docs use it); stock Liquid has no to_i filter.',
  ),
  own(
    'lstrip',
    '{{ "  x" | lstrip }}',
    'Braze lists lstrip and rstrip as not supported, so the preview reports an error.',
  ),
  own(
    'base64-url-safe',
    '{{ "a" | base64_url_safe_encode }}',
    'Braze marks the url-safe base64 filters as not supported.',
  ),
  own(
    'ifchanged',
    '{% ifchanged %}x{% endifchanged %}',
    'ifchanged is not among the tags Braze documents, so the preview reports it.',
  ),
  own(
    'abort-message',
    "a{% abort_message('stop') %}b",
    'abort_message is a Braze tag: the message is not sent.',
  ),
]

/**
 * Differences of liquidjs from Ruby Liquid that Bridgebench does not correct yet; listed so the
 * suite notices when one is fixed (it then fails until the entry is removed).
 */
export const KNOWN_GAPS: Record<string, string> = {
  'output-range':
    'liquidjs evaluates (1..3) to an array, so printing it gives 123 where Ruby prints 1..3.',
  'for-nested-parentloop': 'liquidjs has no forloop.parentloop.',
  tablerow: 'liquidjs writes no newlines after <tr class="row1"> and </tr>.',
}
