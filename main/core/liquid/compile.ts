import type { Liquid, Template } from 'liquidjs'
import type { Problem } from '../../../shared/contract/problems'
import { filterProblems, promotionNotes, referenceProblems } from './dialect/static-checks'
import { rewriteTemplate, type ReferenceUse } from './dialect/template-rewriter'
import { createBrazeLiquidjs } from './liquid-instance'
import { liquidErrorProblem } from './liquid-errors'
import { hasErrors, problemAt, sortProblems } from './problem'
import { LineIndex, type Position, type SourceMap } from './source-map'
import { messageReferences, type ScopePlan } from './user-scope'

/** A template ready to render many times: parsed once, problems found once. */
export interface CompiledTemplate {
  source: string
  /** The standard Liquid liquidjs parsed. */
  code: string
  map: SourceMap
  lines: LineIndex
  /** Null when an error prevents rendering. */
  templates: Template[] | null
  problems: Problem[]
  references: ReferenceUse[]
  /** What a render must provide for this template to read. */
  scope: ScopePlan
  /** Per-target results that depend only on the template (see lint/). */
  readonly memo: Map<string, unknown>
}

/** Only these leave the rewrite sound enough for a second, diagnostic liquidjs parse. */
const DIAGNOSABLE = new Set(['unknown-filter', 'unsupported-filter'])

export class TemplateCompiler {
  readonly liquid: Liquid
  private lenient: Liquid | undefined
  private readonly cache = new Map<string, CompiledTemplate>()

  constructor(private readonly maxEntries = 256) {
    this.liquid = createBrazeLiquidjs({ strictFilters: true })
  }

  /** Cached by source text, so a batch of users parses the template once. */
  compile(source: string): CompiledTemplate {
    const hit = this.cache.get(source)
    if (hit) {
      this.cache.delete(source)
      this.cache.set(source, hit)
      return hit
    }
    const compiled = this.build(source)
    this.cache.set(source, compiled)
    if (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value
      if (oldest !== undefined) this.cache.delete(oldest)
    }
    return compiled
  }

  /** Where a code offset of this compiled template is in the user's text. */
  static locate(compiled: CompiledTemplate, codeOffset: number): Position {
    return compiled.lines.position(compiled.map.toOriginal(codeOffset))
  }

  private build(source: string): CompiledTemplate {
    const rewrite = rewriteTemplate(source)
    const lines = new LineIndex(source)
    const problems: Problem[] = [
      ...rewrite.issues.map((i) =>
        problemAt(i.severity, i.code, lines.position(i.at), i.message, i.fix),
      ),
      ...filterProblems(rewrite.filters, lines),
      ...referenceProblems(rewrite.references, lines),
      ...promotionNotes(source, lines),
    ]
    const compiled: CompiledTemplate = {
      source,
      code: rewrite.code,
      map: rewrite.map,
      lines,
      templates: null,
      problems,
      references: rewrite.references,
      scope: scopePlan(rewrite.namespaces, rewrite.references),
      memo: new Map(),
    }
    const errors = problems.filter((p) => p.severity === 'error')
    if (errors.length === 0) {
      try {
        compiled.templates = this.liquid.parse(rewrite.code)
      } catch (error) {
        problems.push(
          liquidErrorProblem(error, (offset) => TemplateCompiler.locate(compiled, offset)),
        )
      }
    } else if (
      rewrite.issues.every((i) => !i.structural) &&
      errors.every((p) => DIAGNOSABLE.has(p.code))
    ) {
      try {
        this.lenientLiquid().parse(rewrite.code)
      } catch (error) {
        problems.push(
          liquidErrorProblem(error, (offset) => TemplateCompiler.locate(compiled, offset)),
        )
      }
    }
    // Shared by every render of this template: frozen so no result can change another's.
    compiled.problems = sortProblems(problems).map((p) => Object.freeze(p))
    return compiled
  }

  private lenientLiquid(): Liquid {
    this.lenient ??= createBrazeLiquidjs({ strictFilters: false })
    return this.lenient
  }
}

/** The first error of a compiled source, phrased for a message about something embedded. */
export function firstFailure(compiled: CompiledTemplate, label: string): string | null {
  if (!hasErrors(compiled.problems)) return null
  const error = compiled.problems.find((p) => p.severity === 'error')
  const where = error?.line ? ` (line ${error.line}, column ${error.column ?? 1})` : ''
  return `In ${label}${where}: ${error?.message ?? 'it cannot be parsed'}`
}

function scopePlan(
  namespaces: ReadonlySet<string> | null,
  references: readonly ReferenceUse[],
): ScopePlan {
  const standard = new Set<string>()
  const dotted = new Set<string>()
  for (const ref of references) {
    if (ref.namespace === null) standard.add(ref.key)
    else if (ref.key.includes('.')) dotted.add(ref.namespace)
  }
  return {
    namespaces,
    standardKeys: namespaces === null ? null : [...standard],
    dotted,
    messageReferences: messageReferences(references),
  }
}
