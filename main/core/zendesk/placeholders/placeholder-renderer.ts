import { Drop, Liquid, LiquidError, type Template, type Token, type Variable } from 'liquidjs'
import type { Problem } from '../../../../shared/contract/problems'
import { rubyInspect } from './comment-drop'
import type { PlaceholderContext, PlaceholderEscaping } from './placeholder-context'
import { placeholderScope } from './placeholder-scope'
import { unknownPlaceholders } from './unknown-placeholders'

export interface PlaceholderRendering {
  /** The body as Zendesk would send it; null when the template cannot be parsed or rendered. */
  text: string | null
  /** Liquid errors (with line and column), then placeholders that render empty (warnings). */
  problems: Problem[]
}

interface Parsed {
  templates: Template[]
  /** Placeholders the template reads from outside itself, computed on first render. */
  globals?: Variable[]
}

const PARSED_LIMIT = 200

/**
 * Renders a trigger body with Zendesk placeholders, which are plain Liquid (§6.2): missing values
 * print as empty strings, collections print as Ruby `inspect` text (§6.3). Holds one engine per
 * escaping mode and the templates it has parsed, so keep one for the life of its user.
 */
export class PlaceholderRenderer {
  private readonly engines: Record<PlaceholderEscaping, Liquid>
  private readonly parsed = new Map<string, Parsed>()
  private readonly scopes = new WeakMap<PlaceholderContext, Record<string, unknown>>()

  constructor() {
    this.engines = { json: engineFor('json'), raw: engineFor('raw') }
  }

  /** What stops Zendesk from accepting the template as a webhook body: Liquid syntax errors. */
  syntaxProblems(template: string): Problem[] {
    try {
      this.parse(template, 'raw')
      return []
    } catch (error) {
      return [liquidProblem('liquid-syntax', error)]
    }
  }

  /** The placeholders the template reads from outside itself, each use with its line and column. */
  placeholders(template: string): Variable[] {
    const parsed = this.parse(template, 'raw')
    parsed.globals ??= Object.values(this.engines.raw.analyzeSync(parsed.templates).globals).flat()
    return parsed.globals
  }

  /**
   * Renders `template` for one ticket. The scope is built once per context object, so render
   * several templates (body, query pairs) with the same context.
   */
  render(template: string, context: PlaceholderContext): PlaceholderRendering {
    let parsed: Parsed
    try {
      parsed = this.parse(template, context.escaping)
    } catch (error) {
      return { text: null, problems: [liquidProblem('liquid-syntax', error)] }
    }
    const engine = this.engines[context.escaping]
    let scope = this.scopes.get(context)
    if (!scope) {
      scope = placeholderScope(context)
      this.scopes.set(context, scope)
    }
    parsed.globals ??= Object.values(engine.analyzeSync(parsed.templates).globals).flat()
    const unknown = unknownPlaceholders(parsed.globals, scope)
    try {
      return { text: engine.renderSync(parsed.templates, scope) as string, problems: unknown }
    } catch (error) {
      return { text: null, problems: [liquidProblem('render-error', error), ...unknown] }
    }
  }

  /** Parsed templates are per mode: liquidjs attaches the output escape while parsing. */
  private parse(template: string, escaping: PlaceholderEscaping): Parsed {
    const key = `${escaping}\u0000${template}`
    let parsed = this.parsed.get(key)
    if (!parsed) {
      parsed = { templates: this.engines[escaping].parse(template) }
      if (this.parsed.size > PARSED_LIMIT) this.parsed.clear()
      this.parsed.set(key, parsed)
    }
    return parsed
  }
}

/** The liquidjs message is kept whole (it ends with the line and column) for the simulator. */
function liquidProblem(code: 'liquid-syntax' | 'render-error', error: unknown): Problem {
  const token = LiquidError.is(error) ? (error as LiquidError & { token?: Token }).token : undefined
  const [line, column] = token ? token.getPosition() : [null, null]
  return {
    severity: 'error',
    code,
    message: error instanceof Error ? error.message : String(error),
    line,
    column,
    fix:
      code === 'liquid-syntax'
        ? 'Close every {{ }} and {% %}, and check the tag and filter names.'
        : 'Check the filters and their arguments at that place.',
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
function jsonEscape(text: string): string {
  return JSON.stringify(text).slice(1, -1)
}
