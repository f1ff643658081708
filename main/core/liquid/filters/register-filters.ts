import type { FilterImplOptions, Liquid } from 'liquidjs'
import { arrayFilters } from './array-filters'
import { dateFilters } from './date-filters'
import { defaultFilter } from './default-filter'
import { renderableFilters } from './filter-catalog'
import { hashFilters } from './hash-filters'
import { jsonFilters } from './json-filters'
import { numberFilters } from './number-filters'
import { stringFilters } from './string-filters'
import { urlFilters } from './url-filters'

const BRAZE_IMPLEMENTATIONS: Record<string, FilterImplOptions> = {
  ...stringFilters,
  ...arrayFilters,
  ...hashFilters,
  ...urlFilters,
  ...jsonFilters,
  ...numberFilters,
  ...dateFilters,
  ...defaultFilter,
}

/**
 * Leaves liquidjs with exactly the filters Braze renders: its extras (jsonify, where_exp, …)
 * and Braze's unsupported ones (lstrip, …) are removed so a strict parse rejects them, and the
 * filters Braze implements differently are replaced.
 */
export function registerBrazeFilters(liquid: Liquid): void {
  const allowed = new Set(renderableFilters())
  for (const name of Object.keys(liquid.filters)) {
    if (!allowed.has(name)) liquid.unregisterFilter(name)
  }
  for (const [name, filter] of Object.entries(BRAZE_IMPLEMENTATIONS))
    liquid.registerFilter(name, filter)
  const missing = [...allowed].filter((name) => !Object.hasOwn(liquid.filters, name))
  if (missing.length > 0)
    throw new Error(`Braze filters without an implementation: ${missing.join(', ')}`)
}
