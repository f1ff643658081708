/** Names Braze documents, so the dialect can tell a typo from a missing value. */

/** Where bare `${name}` references live after the rewrite; no user variable can clash. */
export const STANDARD_SCOPE = '__braze_user'

/** Where whole decimal literals such as `2.0` are read from after the rewrite, as Floats. */
export const FLOAT_LITERALS = '__braze_float'

/** Namespaces written `name.${key}` (braze.md §1.2–§1.6, §2.3). */
export const NAMESPACES = [
  'custom_attribute',
  'event_properties',
  'canvas_entry_properties',
  'api_trigger_properties',
  'context',
  'campaign',
  'canvas',
  'card',
  'subscribed_state',
  'most_recently_used_device',
  'targeted_device',
  'app',
  'sms',
  'whats_app',
  'content_blocks',
] as const
export type Namespace = (typeof NAMESPACES)[number]

const NAMESPACE_SET: ReadonlySet<string> = new Set(NAMESPACES)

export function isNamespace(name: string): name is Namespace {
  return NAMESPACE_SET.has(name)
}

/** Liquid tags Braze renders (braze.md §2.3–§2.4) plus their closing and inner tags. */
export const KNOWN_TAGS = new Set([
  'assign',
  'capture',
  'endcapture',
  'case',
  'when',
  'endcase',
  'comment',
  'endcomment',
  '#',
  'cycle',
  'decrement',
  'increment',
  'echo',
  'liquid',
  'for',
  'endfor',
  'break',
  'continue',
  'if',
  'elsif',
  'else',
  'endif',
  'unless',
  'endunless',
  'raw',
  'endraw',
  'tablerow',
  'endtablerow',
  'abort_message',
  'connected_content',
  'catalog_items',
  'catalog_selection_items',
  'promotion',
  'message_extras',
])

/** Shopify/Jekyll tags that need a theme or file system, which a Braze message does not have. */
export const TAGS_WITHOUT_BRAZE_SUPPORT: Record<string, string> = {
  include: 'Use a Content Block: {{content_blocks.${name}}}.',
  render: 'Use a Content Block: {{content_blocks.${name}}}.',
  layout: 'Remove it: Braze messages have no layouts.',
  block: 'Remove it: Braze messages have no layouts.',
  section: 'Remove it: sections belong to Shopify themes.',
  form: 'Remove it: forms belong to Shopify themes.',
  paginate: 'Remove it: pagination belongs to Shopify themes.',
  style: 'Remove it: this is a Shopify theme tag.',
  javascript: 'Remove it: this is a Shopify theme tag.',
  stylesheet: 'Remove it: this is a Shopify theme tag.',
  schema: 'Remove it: this is a Shopify theme tag.',
  content_blocks: 'Content Blocks are output, not a tag: write {{content_blocks.${name}}}.',
}

/** Tags whose markup is itself a template: inner `{{ }}` are rendered, not read as values. */
export const TEMPLATE_MARKUP_TAGS = new Set([
  'connected_content',
  'catalog_items',
  'catalog_selection_items',
  'message_extras',
])

/** Tags that parse their markup themselves and must see it exactly as typed. */
export const VERBATIM_MARKUP_TAGS = new Set(['abort_message', 'promotion', '#'])

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost)
      diagonal = above
    }
  }
  return row[b.length] ?? 0
}

/** The closest candidate within a small distance, if any. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}
