import type { FilterImplOptions } from 'liquidjs'
import { rubyToS } from '../ruby-output'

/** Percent-encodes every UTF-8 byte of the characters `keep` does not match. */
function percentEncode(text: string, keep: RegExp, spaceAsPlus = false): string {
  let out = ''
  for (const char of text) {
    if (keep.test(char)) out += char
    else if (spaceAsPlus && char === ' ') out += '+'
    else
      for (const byte of Buffer.from(char, 'utf8'))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

export const urlFilters: Record<string, FilterImplOptions> = {
  /** `'hey<>hi'` → `hey%3C%3Ehi`; URL syntax characters such as `&` and `/` stay (braze.md §2.2). */
  url_escape: (value: unknown) =>
    percentEncode(rubyToS(value), /[A-Za-z0-9\-_.!~*'();/?:@&=+$,[\]]/),
  /** `'hey<&>hi'` → `hey%3C%26%3Ehi`, `+1212…` → `%2B1212…`: only unreserved characters stay. */
  url_param_escape: (value: unknown) => percentEncode(rubyToS(value), /[A-Za-z0-9\-_.~]/),
  /** Form encoding, as Ruby's CGI.escape: `'google search'` → `google+search`. */
  url_encode: (value: unknown) =>
    value === null || value === undefined
      ? null
      : percentEncode(rubyToS(value), /[A-Za-z0-9\-_.~]/, true),
  url_decode: (value: unknown) => {
    if (value === null || value === undefined) return null
    const text = rubyToS(value).replace(/\+/g, ' ')
    try {
      return decodeURIComponent(text)
    } catch {
      return text
    }
  },
}
