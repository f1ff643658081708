import type { Problem } from '../../../../shared/contract/problems'
import { problemAt } from '../problem'
import type { LineIndex } from '../source-map'

/**
 * Text a published template expects the user to replace, such as Braze's `<< Choose one >>`
 * (braze.md §7.1) or `[INSERT_YOUR_LONG_LIVED_TOKEN]`; sent unedited it reaches Zendesk as is.
 */
const PATTERNS = [
  /<<[^<>\n]{1,80}>>/g,
  /\[(?:INSERT|YOUR)[^\]\n]{0,80}\]/g,
  /\bYOUR[_-][A-Z0-9_-]{2,}\b/g,
  /<(?:your|api|email)[a-z0-9_ -]{0,40}>/gi,
]

const IGNORED_BLOCKS = /\{%-?\s*(comment|raw)\s*-?%\}[\s\S]*?\{%-?\s*end\1\s*-?%\}/g

export interface PlaceholderMatch {
  text: string
  start: number
}

export function findPlaceholders(text: string, skipLiquidComments = true): PlaceholderMatch[] {
  const ignored = skipLiquidComments
    ? [...text.matchAll(IGNORED_BLOCKS)].map((m) => [m.index, m.index + m[0].length])
    : []
  const found: PlaceholderMatch[] = []
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      if (ignored.some(([s = 0, e = 0]) => match.index >= s && match.index < e)) continue
      if (found.some((f) => match.index >= f.start && match.index < f.start + f.text.length))
        continue
      found.push({ text: match[0], start: match.index })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

export function placeholderProblems(template: string, lines: LineIndex): Problem[] {
  return findPlaceholders(template).map((match) =>
    problemAt(
      'error',
      'placeholder',
      lines.position(match.start),
      `The placeholder ${match.text} is still in the template and would be sent as is.`,
      `Replace ${match.text} with real content, or delete it.`,
    ),
  )
}
