import type { Problem } from '../../../../shared/contract/problems'
import { LIQUID_STANDARD_ATTRIBUTES } from '../../../../shared/braze/user-fields'
import { filterStatus, renderableFilters, UNSUPPORTED_FILTERS } from '../filters/filter-catalog'
import { problemAt } from '../problem'
import type { LineIndex } from '../source-map'
import type { FilterUse } from './expression-lexer'
import { closest, isNamespace, NAMESPACES } from './names'
import type { ReferenceUse } from './template-rewriter'

/** Every filter name is checked against Braze's list; liquidjs's own extras do not count. */
export function filterProblems(filters: readonly FilterUse[], lines: LineIndex): Problem[] {
  const problems: Problem[] = []
  for (const use of filters) {
    const at = lines.position(use.start)
    const status = filterStatus(use.name)
    if (status === 'unsupported') {
      problems.push(
        problemAt(
          'error',
          'unsupported-filter',
          at,
          `Braze does not support the filter "${use.name}" (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/).`,
          UNSUPPORTED_FILTERS[use.name] ?? 'Remove it.',
        ),
      )
    } else if (status === 'unknown') {
      const guess = closest(use.name, renderableFilters())
      problems.push(
        problemAt(
          'error',
          'unknown-filter',
          at,
          `Braze has no filter "${use.name}".`,
          guess ? `Did you mean "${guess}"?` : "Check the spelling against Braze's filter list.",
        ),
      )
    } else if (status === 'unlisted') {
      problems.push(
        problemAt(
          'warning',
          'untested-filter',
          at,
          `"${use.name}" is standard Liquid but not in Braze's list of tested filters.`,
          "Check the result in Braze's own preview before sending.",
        ),
      )
    }
  }
  return problems
}

const STANDARD = new Set<string>(LIQUID_STANDARD_ATTRIBUTES)

/** `${USER_ID}`, `content_block.${x}`: names Braze would resolve to nothing. */
export function referenceProblems(
  references: readonly ReferenceUse[],
  lines: LineIndex,
): Problem[] {
  const problems: Problem[] = []
  const seen = new Set<string>()
  for (const ref of references) {
    const id = `${ref.namespace ?? ''}.${ref.key}`
    if (seen.has(id)) continue
    seen.add(id)
    const at = lines.position(ref.start)
    if (ref.namespace === null) {
      if (STANDARD.has(ref.key)) continue
      const lower = ref.key.toLowerCase()
      if (STANDARD.has(lower)) {
        problems.push(
          problemAt(
            'warning',
            'attribute-case',
            at,
            `\${${ref.key}} is not a Braze attribute: attribute names are case sensitive, so it renders empty.`,
            `Write \${${lower}}.`,
          ),
        )
      } else {
        const guess = closest(ref.key, STANDARD)
        problems.push(
          problemAt(
            'warning',
            'unknown-attribute',
            at,
            `\${${ref.key}} is not a standard Braze attribute, so it renders empty.`,
            guess
              ? `Did you mean \${${guess}}? Custom attributes are written custom_attribute.\${${ref.key}}.`
              : `Custom attributes are written custom_attribute.\${${ref.key}}.`,
          ),
        )
      }
    } else if (!isNamespace(ref.namespace)) {
      const guess = closest(ref.namespace, NAMESPACES)
      problems.push(
        problemAt(
          'warning',
          'unknown-namespace',
          at,
          `"${ref.namespace}" is not a Braze namespace, so ${ref.namespace}.\${${ref.key}} renders empty.`,
          guess
            ? `Did you mean ${guess}.\${${ref.key}}?`
            : `Known namespaces: ${NAMESPACES.join(', ')}.`,
        ),
      )
    }
  }
  return problems
}

/** Braze deducts a code from every list referenced, whichever branch renders (braze.md §1.8). */
export function promotionNotes(source: string, lines: LineIndex): Problem[] {
  const lists: string[] = []
  let first = -1
  for (const match of source.matchAll(/\{%-?\s*promotion\s*\(\s*['"]([^'"]*)['"]/g)) {
    if (first < 0) first = match.index
    if (!lists.includes(match[1] ?? '')) lists.push(match[1] ?? '')
  }
  if (first < 0) return []
  return [
    problemAt(
      'info',
      'promotion-deduction',
      lines.position(first),
      `Braze takes a code from every promotion list in this message (${lists.join(', ')}) on every send, whichever branch renders; test sends use codes too.`,
      'Reference only the lists a recipient can actually receive.',
    ),
  ]
}
