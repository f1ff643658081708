import { Drop, Output, TokenKind, type Context, type Emitter, type Template } from 'liquidjs'

/**
 * Text and `{{ a.b.c }}` without filters are most of what a template renders. liquidjs runs each
 * through a chain of generators (output → value → expression → token → property → scope), which
 * costs more than the lookup itself; this writes them directly when the result is certainly
 * the same, and says so. Anything it is not sure of (drops, functions, arrays, `size`, `first`,
 * `last`, a non-plain object on the way) is left to liquidjs, before anything was read through it.
 */
export function writeDirectly(template: Template, ctx: Context, emitter: Emitter): boolean {
  if (template.token.kind === TokenKind.HTML) {
    const text = (template as { str?: unknown }).str
    if (typeof text !== 'string') return false
    emitter.write(text)
    return true
  }
  const path = pathOf(template)
  if (path === null || ctx.strictVariables || !ctx.ownPropertyOnly) return false
  // Context.findScope is private in liquidjs's types, public at run time (liquidjs 10.30).
  let value = (ctx as unknown as { findScope(key: string): unknown }).findScope(path[0]!)
  for (const key of path) {
    if (value === undefined || value === null) break
    if (!isPlainObject(value)) return false
    value = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined
    if (typeof value === 'function') return false
  }
  if (value instanceof Drop) return false
  emitter.write(value)
  return true
}

/**
 * The property path of a plain output, or null; worked out once per parsed template and kept on
 * it (a WeakMap entry per template cost more than the lookup saves when templates are parsed
 * for a single render).
 */
const PATH = Symbol('bridgebench.plainPath')

function pathOf(template: Template): readonly string[] | null {
  const holder = template as Template & { [PATH]?: readonly string[] | null }
  let path = holder[PATH]
  if (path === undefined) {
    path = plainPath(template)
    holder[PATH] = path
  }
  return path
}

/** liquidjs reads these specially (a hash's size is its key count), so liquidjs reads them. */
const SPECIAL_KEYS = new Set(['size', 'first', 'last'])

function plainPath(template: Template): readonly string[] | null {
  if (!(template instanceof Output) || template.value.filters.length > 0) return null
  const postfix = (template.value.initial as { postfix?: unknown[] }).postfix
  if (!Array.isArray(postfix) || postfix.length !== 1) return null
  const token = postfix[0] as { kind?: number; variable?: unknown; props?: unknown[] }
  if (token.kind !== TokenKind.PropertyAccess || token.variable || !Array.isArray(token.props))
    return null
  const path: string[] = []
  for (const prop of token.props) {
    const content = (prop as { content?: unknown }).content
    if (typeof content !== 'string' || SPECIAL_KEYS.has(content)) return null
    path.push(content)
  }
  return path.length > 0 ? path : null
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}
