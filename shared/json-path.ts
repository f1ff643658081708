const IDENTIFIER = /^[A-Za-z_]\w*$/

/**
 * A JSON path as people read it: `attributes[0].external_id`, `properties["my key"]`. The empty
 * list is the document itself (``).
 */
export function jsonPath(segments: ReadonlyArray<string | number>): string {
  let path = ''
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`
    else if (IDENTIFIER.test(segment)) path += path === '' ? segment : `.${segment}`
    else path += `[${JSON.stringify(segment)}]`
  }
  return path
}
