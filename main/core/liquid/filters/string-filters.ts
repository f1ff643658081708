import type { FilterImplOptions } from 'liquidjs'
import { rubyToS } from '../ruby-output'

/**
 * Ruby Liquid 5's string filters (Liquid::StandardFilters), which Braze runs: the input is
 * Ruby's `to_s` of the value (an array prints as `["a", "b"]`, a Float as `2.0`), lengths
 * count characters, and `split` / `truncatewords` split on runs of whitespace as Ruby does.
 */

const RUBY_SPACE = /[ \t\n\v\f\r]+/
const HTML_ESCAPE: Record<string, string> = {
  '&': '&amp;',
  '>': '&gt;',
  '<': '&lt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Liquid::Utils.to_integer: an Integer, or a string Ruby's Integer() reads; else an error. */
function strictInteger(value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value === 'number' && Number.isInteger(value)) return value
  const text = rubyToS(value).trim().replaceAll('_', '')
  if (!/^[+-]?\d+$/.test(text)) throw new Error('invalid integer')
  return Number(text)
}

/** Ruby's String#split: `" "` splits on whitespace runs, `""` into characters; trailing empties go. */
export function rubySplit(text: string, pattern: string, limit = 0): string[] {
  let parts: string[]
  if (pattern === ' ') {
    const words = text.replace(/^[ \t\n\v\f\r]+/, '')
    if (words === '') return []
    parts = limit > 0 ? splitLimited(words, limit) : words.split(RUBY_SPACE)
  } else if (pattern === '') parts = Array.from(text)
  else parts = text.split(pattern)
  if (limit > 0) return parts
  while (parts.length > 0 && parts.at(-1) === '') parts.pop()
  return parts
}

/** Whitespace splitting with a limit: the last field keeps the rest of the text as it was. */
function splitLimited(text: string, limit: number): string[] {
  const parts: string[] = []
  let rest = text
  while (parts.length < limit - 1) {
    const match = RUBY_SPACE.exec(rest)
    if (!match) break
    parts.push(rest.slice(0, match.index))
    rest = rest.slice(match.index + match[0].length)
    if (rest === '') return parts.concat([''])
  }
  return parts.concat([rest])
}

function chars(text: string): string[] {
  return Array.from(text)
}

function capitalize(text: string): string {
  const [first = '', ...rest] = chars(text)
  return first.toUpperCase() + rest.join('').toLowerCase()
}

function rubySlice(text: string, offset: number, length: number): string {
  const all = chars(text)
  const start = offset < 0 ? all.length + offset : offset
  if (start < 0 || start > all.length || length < 0) return ''
  return all.slice(start, start + length).join('')
}

function replaceLast(text: string, search: string, replacement: string): string {
  const at = text.lastIndexOf(search)
  return at < 0 ? text : text.slice(0, at) + replacement + text.slice(at + search.length)
}

function truncate(input: unknown, length: unknown, ending: unknown): string | null {
  if (input === null || input === undefined) return null
  const text = chars(rubyToS(input))
  const max = strictInteger(length, 50)
  const tail = ending === undefined ? '...' : rubyToS(ending)
  const keep = Math.max(max - chars(tail).length, 0)
  return text.length > max ? text.slice(0, keep).join('') + tail : text.join('')
}

function truncatewords(input: unknown, count: unknown, ending: unknown): string | null {
  if (input === null || input === undefined) return null
  const text = rubyToS(input)
  let words = strictInteger(count, 15)
  if (words <= 0) words = 1
  const list = rubySplit(text, ' ', words + 1)
  if (list.length <= words) return text
  list.pop()
  return list.join(' ') + (ending === undefined ? '...' : rubyToS(ending))
}

export const stringFilters: Record<string, FilterImplOptions> = {
  downcase: (v: unknown) => rubyToS(v).toLowerCase(),
  upcase: (v: unknown) => rubyToS(v).toUpperCase(),
  capitalize: (v: unknown) => capitalize(rubyToS(v)),
  escape: (v: unknown) =>
    v === null || v === undefined
      ? null
      : rubyToS(v).replace(/[&<>"']/g, (c) => HTML_ESCAPE[c] ?? c),
  escape_once: (v: unknown) =>
    rubyToS(v).replace(/["><']|&(?!([a-zA-Z]+|(#\d+));)/g, (c) => HTML_ESCAPE[c] ?? c),
  slice: (v: unknown, offset: unknown, length: unknown) => {
    const start = strictInteger(offset, 0)
    const size = length === undefined || length === null ? 1 : strictInteger(length, 1)
    if (!Array.isArray(v)) return rubySlice(rubyToS(v), start, size)
    const list = v as unknown[]
    const from = start < 0 ? list.length + start : start
    return from < 0 || from > list.length || size < 0 ? [] : list.slice(from, from + size)
  },
  truncate,
  truncatewords,
  split: (v: unknown, pattern: unknown) => rubySplit(rubyToS(v), rubyToS(pattern)),
  strip: (v: unknown) => rubyToS(v).replace(/^[\s\0]+|[\s\0]+$/g, ''),
  strip_html: (v: unknown) =>
    rubyToS(v)
      .replace(/<script.*?<\/script>|<!--.*?-->|<style.*?<\/style>/gs, '')
      .replace(/<.*?>/gs, ''),
  strip_newlines: (v: unknown) => rubyToS(v).replace(/\r?\n/g, ''),
  newline_to_br: (v: unknown) => rubyToS(v).replace(/\r?\n/g, '<br />\n'),
  replace: (v: unknown, search: unknown, replacement: unknown) =>
    rubyToS(v).replaceAll(rubyToS(search), rubyToS(replacement)),
  replace_first: (v: unknown, search: unknown, replacement: unknown) =>
    rubyToS(v).replace(rubyToS(search), () => rubyToS(replacement)),
  replace_last: (v: unknown, search: unknown, replacement: unknown) =>
    replaceLast(rubyToS(v), rubyToS(search), rubyToS(replacement)),
  remove: (v: unknown, search: unknown) => rubyToS(v).replaceAll(rubyToS(search), ''),
  remove_first: (v: unknown, search: unknown) => rubyToS(v).replace(rubyToS(search), ''),
  remove_last: (v: unknown, search: unknown) => replaceLast(rubyToS(v), rubyToS(search), ''),
  append: (v: unknown, tail: unknown) => rubyToS(v) + rubyToS(tail),
  prepend: (v: unknown, head: unknown) => rubyToS(head) + rubyToS(v),
}
