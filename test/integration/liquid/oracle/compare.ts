import type { DialectAnswer, OracleCase } from './oracle-case'
import type { OracleAnswer } from './ruby-oracle'

/**
 * Whether Bridgebench agrees with Ruby Liquid on one case: the same output when Ruby renders
 * cleanly, and an error reported when Ruby reports one. Null when they agree.
 */
export function disagreement(ruby: OracleAnswer, ours: DialectAnswer): string | null {
  if (ruby.output === null) return `Ruby failed: ${ruby.errors.join('; ')}`
  if (ruby.errors.length > 0) {
    return ours.errors.length > 0
      ? null
      : `Ruby reports ${JSON.stringify(ruby.errors)}; Bridgebench renders ${JSON.stringify(ours.output)} without an error`
  }
  if (ours.errors.length > 0)
    return `Bridgebench reports ${JSON.stringify(ours.errors)}; Ruby renders ${JSON.stringify(ruby.output)}`
  if (ours.output !== ruby.output)
    return `Ruby: ${JSON.stringify(ruby.output)}\n  ours: ${JSON.stringify(ours.output)}`
  return null
}

export interface Finding {
  case: OracleCase
  why: string
}
