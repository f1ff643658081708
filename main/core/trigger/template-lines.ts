/**
 * Where in the template a place in the rendered body came from, by line. Placeholders fill in
 * on their own line, so a body with as many lines as its template maps line for line; when tags
 * or values add or drop lines, the template line whose literal text (before its first `{{` or
 * `{%`) starts the body's line, nearest to it, is taken. Null when nothing matches.
 */
export function templateLineAt(template: string, output: string, offset: number): number | null {
  const outputLines = output.split('\n')
  const templateLines = template.split('\n')
  const line = output.slice(0, offset).split('\n').length
  if (outputLines.length === templateLines.length) return line
  const target = (outputLines[line - 1] ?? '').trim()
  let best: number | null = null
  templateLines.forEach((text, index) => {
    const literal = text.split(/\{\{|\{%/)[0]?.trim() ?? ''
    if (literal === '' || !target.startsWith(literal)) return
    if (best === null || Math.abs(index + 1 - line) < Math.abs(best - line)) best = index + 1
  })
  return best
}

/** `attributes[0].external_id` or `properties["my key"]` back to its segments. */
export function pathSegments(path: string): Array<string | number> {
  const segments: Array<string | number> = []
  const pattern = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([A-Za-z_]\w*)/g
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(Number(match[1]))
    else if (match[2] !== undefined) segments.push(JSON.parse(match[2]) as string)
    else if (match[3] !== undefined) segments.push(match[3])
  }
  return segments
}
