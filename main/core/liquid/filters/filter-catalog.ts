/**
 * Which filters a Braze message may use (braze.md §2.1). Anything not listed here is an error:
 * Braze would not render it, and a preview that silently skips it would hide the bug.
 */

/** Braze's tested list, its advanced filters, and those its own docs use (§2.1). */
export const BRAZE_FILTERS = [
  // array
  'join',
  'first',
  'last',
  'compact',
  'concat',
  'map',
  'reverse',
  'size',
  'sort',
  'sort_natural',
  'uniq',
  'where',
  // math
  'abs',
  'at_most',
  'at_least',
  'ceil',
  'divided_by',
  'floor',
  'minus',
  'plus',
  'round',
  'times',
  'modulo',
  'money',
  // string
  'append',
  'capitalize',
  'downcase',
  'escape',
  'md5',
  'sha1',
  'hmac_sha1',
  'hmac_sha1_hex',
  'hmac_sha256',
  'hmac_sha512',
  'newline_to_br',
  'prepend',
  'remove',
  'remove_first',
  'replace',
  'replace_first',
  'slice',
  'split',
  'strip',
  'strip_html',
  'strip_newlines',
  'truncate',
  'truncatewords',
  'upcase',
  // other
  'date',
  'default',
  // advanced
  'sha2',
  'base64_encode',
  'hmac_sha1_base64',
  'hmac_sha256_hex',
  'hmac_sha256_base64',
  'url_escape',
  'url_param_escape',
  'url_encode',
  'property_accessor',
  'number_with_delimiter',
  'json_escape',
  'json_parse',
  'as_json_string',
  // seen in Braze's docs but missing from the tables
  'time_zone',
  'to_i',
] as const

/**
 * Standard Liquid 5 filters Braze neither lists nor rules out: they render, with a warning to
 * check them in Braze's own preview.
 */
export const UNLISTED_STANDARD_FILTERS = [
  'escape_once',
  'url_decode',
  'remove_last',
  'replace_last',
  'base64_decode',
  'sum',
] as const

const SHOPIFY_ONLY = 'It is a Shopify storefront filter with no Braze equivalent: remove it.'

/** Filters Braze marks "not supported" (§2.1), each with what to write instead. */
export const UNSUPPORTED_FILTERS: Record<string, string> = {
  find_index: 'Loop with {% for %} and {% break %} when the item matches, keeping forloop.index0.',
  money_with_currency: 'Use money and add the currency yourself: {{ price | money }} USD.',
  money_without_currency: 'Use money: {{ price | money }}.',
  camelize: "Build it with split, capitalize and join, e.g. {{ s | split: '_' | join: '' }}.",
  handleize: "Use {{ s | downcase | strip | replace: ' ', '-' }}.",
  pluralize: 'Use {% if count == 1 %}item{% else %}items{% endif %}.',
  lstrip: 'Use strip (Braze supports strip, but not lstrip).',
  rstrip: 'Use strip (Braze supports strip, but not rstrip).',
  base64_url_safe_encode:
    "Braze has no url-safe base64: use {{ s | base64_encode | replace: '+', '-' | replace: '/', '_' }}.",
  base64_url_safe_decode: 'Braze has no base64 decoding filters: decode before sending the data.',
  format_address: SHOPIFY_ONLY,
  highlight: SHOPIFY_ONLY,
  color_to_rgb: SHOPIFY_ONLY,
  color_to_hsl: SHOPIFY_ONLY,
  color_to_hex: SHOPIFY_ONLY,
  color_extract: SHOPIFY_ONLY,
  color_brightness: SHOPIFY_ONLY,
  color_modify: SHOPIFY_ONLY,
  color_lighten: SHOPIFY_ONLY,
  color_darken: SHOPIFY_ONLY,
  color_saturate: SHOPIFY_ONLY,
  color_desaturate: SHOPIFY_ONLY,
  color_mix: SHOPIFY_ONLY,
  color_contrast: SHOPIFY_ONLY,
  color_difference: SHOPIFY_ONLY,
  brightness_difference: SHOPIFY_ONLY,
  font_face: SHOPIFY_ONLY,
  font_url: SHOPIFY_ONLY,
  font_modify: SHOPIFY_ONLY,
}

export type FilterStatus = 'braze' | 'unlisted' | 'unsupported' | 'unknown'

const braze = new Set<string>(BRAZE_FILTERS)
const unlisted = new Set<string>(UNLISTED_STANDARD_FILTERS)

export function filterStatus(name: string): FilterStatus {
  if (braze.has(name)) return 'braze'
  if (unlisted.has(name)) return 'unlisted'
  if (Object.hasOwn(UNSUPPORTED_FILTERS, name)) return 'unsupported'
  return 'unknown'
}

/** Every filter a template may name without an error. */
export function renderableFilters(): string[] {
  return [...BRAZE_FILTERS, ...UNLISTED_STANDARD_FILTERS]
}
