/** Character classes of Liquid markup, by UTF-16 code (hot paths avoid regular expressions). */

/** Letters, digits and `_`: what a tag name is made of. */
export function isNameChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95
  )
}

/** A Liquid identifier may also contain `-` and `?`. */
export function isWordChar(code: number): boolean {
  return isNameChar(code) || code === 45 || code === 63
}

export function isBlankChar(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13
}
