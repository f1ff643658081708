import { Drop, Liquid, type Template } from 'liquidjs'
import { rubyInspect } from './placeholder-scope'

export type PlaceholderEscaping = 'json' | 'raw'

/**
 * Renders a trigger body with Zendesk placeholders, which are plain Liquid (§6.2): missing values
 * print as empty strings, collections print as Ruby `inspect` text (§6.3).
 *
 * Whether Zendesk JSON-escapes inserted values is an open question (§6.3, §9 Q1), so both modes
 * exist: `json` escapes each value for a JSON string (`"` → `\"`, newline → `\n`), `raw` inserts
 * the text as-is — which breaks JSON on a quote or newline, as older targets did.
 */
export class PlaceholderRenderer {
  private readonly engines: Record<PlaceholderEscaping, Liquid>
  private readonly parsed = new Map<string, Template[]>()

  constructor() {
    this.engines = { json: engineFor('json'), raw: engineFor('raw') }
  }

  /**
   * Throws a liquidjs error (with line and column) when the template does not parse. Parsed
   * templates are per mode: liquidjs attaches the output escape while parsing.
   */
  parse(template: string, escaping: PlaceholderEscaping = 'raw'): Template[] {
    const key = `${escaping}\u0000${template}`
    let templates = this.parsed.get(key)
    if (!templates) {
      templates = this.engines[escaping].parse(template)
      if (this.parsed.size > 200) this.parsed.clear()
      this.parsed.set(key, templates)
    }
    return templates
  }

  render(template: string, scope: Record<string, unknown>, escaping: PlaceholderEscaping): string {
    return this.engines[escaping].renderSync(this.parse(template, escaping), scope) as string
  }
}

function engineFor(escaping: PlaceholderEscaping): Liquid {
  return new Liquid({
    strictVariables: false,
    strictFilters: false,
    outputEscape: (value: unknown) => {
      const text = displayValue(value)
      return escaping === 'json' ? jsonEscape(text) : text
    },
  })
}

function displayValue(value: unknown): string {
  const plain = value instanceof Drop ? (value.valueOf() as unknown) : value
  if (plain === null || plain === undefined) return ''
  if (typeof plain === 'string') return plain
  if (typeof plain === 'number' || typeof plain === 'boolean') return String(plain)
  return rubyInspect(plain)
}

/** The inside of a JSON string literal: what `JSON.stringify` would put between the quotes. */
export function jsonEscape(text: string): string {
  return JSON.stringify(text).slice(1, -1)
}
