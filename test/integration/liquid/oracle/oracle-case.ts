import type { BrazeUserProfile } from '../../../../shared/contract/users'
import { createBrazeLiquid } from '../../../../main/core/liquid/braze-liquid'
import { parseJsonKeepingFloats } from '../../../../shared/numbers/json-keeping-floats'
import type { OracleRequest } from './ruby-oracle'

/** One template of the differential corpus, written in Braze's dialect. */
export interface OracleCase {
  id: string
  template: string
  /** The user's custom attributes as JSON text (`{"rate": 0.0725}`), read by both engines. */
  attributes?: string
  /** Standard attributes by Liquid name (`first_name`), read as `${first_name}`. */
  standard?: Record<string, string>
  /** ISO time of the render's clock; a fixed default otherwise. */
  now?: string
}

export const ORACLE_NOW = '2026-11-20T12:34:56Z'

/**
 * The same template for Ruby Liquid: `custom_attribute.${name}` becomes `custom_attribute.name`
 * and `${name}` becomes a top-level `name`, the variables standing where Braze puts the user.
 */
export function plainTemplate(template: string): string {
  return template
    .replace(/\b([a-z_]+)\.\$\{([A-Za-z_]\w*)\}/g, '$1.$2')
    .replace(/\$\{([A-Za-z_]\w*)\}/g, '$1')
}

export function oracleRequest(c: OracleCase): OracleRequest {
  const standard = Object.entries(c.standard ?? {})
    .map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join('')
  return {
    id: c.id,
    template: plainTemplate(c.template),
    varsJson: `{"custom_attribute":${c.attributes ?? '{}'}${standard}}`,
    now: c.now ?? ORACLE_NOW,
  }
}

export interface DialectAnswer {
  output: string
  errors: string[]
  warnings: string[]
}

const liquid = createBrazeLiquid()

/** What Bridgebench's preview renders for the case. */
export function renderWithDialect(c: OracleCase): DialectAnswer {
  const user: BrazeUserProfile = {
    external_id: 'oracle',
    ...(c.standard ?? {}),
    custom_attributes: parseJsonKeepingFloats(c.attributes ?? '{}') as Record<string, unknown>,
  }
  const result = liquid.renderSync({
    template: c.template,
    user,
    now: new Date(c.now ?? ORACLE_NOW),
  })
  return {
    output: result.output,
    errors: result.problems.filter((p) => p.severity === 'error').map((p) => p.message),
    warnings: result.problems.filter((p) => p.severity === 'warning').map((p) => p.message),
  }
}
