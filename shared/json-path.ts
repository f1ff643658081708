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

/**
 * An RFC 6901 JSON pointer (https://www.rfc-editor.org/rfc/rfc6901): `/attributes/0/external_id`,
 * with `~` and `/` in keys escaped as `~0` and `~1`. The empty list is the document (``).
 */
export function jsonPointer(segments: ReadonlyArray<string | number>): string {
  return segments
    .map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('')
}
