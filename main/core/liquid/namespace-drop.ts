import { Drop, type Context } from 'liquidjs'

/**
 * One Braze namespace (`custom_attribute`, `event_properties`, …). A key is literal first, so
 * `${zip code}` and `${a+b}` work; a dotted key that is not itself a key is read as a path, so
 * `custom_attribute.${address.city}` also works (braze.md §1.1 documents both forms).
 */
export class AttributeDrop extends Drop {
  readonly #data: Record<string, unknown>

  constructor(data: Record<string, unknown>) {
    super()
    this.#data = data
  }

  override liquidMethodMissing(key: string | number): unknown {
    const name = String(key)
    if (Object.hasOwn(this.#data, name)) return this.#data[name]
    if (!name.includes('.')) return undefined
    let value: unknown = this.#data
    for (const part of name.split('.')) {
      if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part))
        return undefined
      value = (value as Record<string, unknown>)[part]
    }
    return value
  }

  override valueOf(): Record<string, unknown> {
    return this.#data
  }
}

export type ContentBlockResolver = (name: string, context: Context) => string

/** `{{content_blocks.${name}}}`: rendered from the caller's stand-ins in the current scope. */
export class ContentBlocksDrop extends Drop {
  readonly #resolve: ContentBlockResolver

  constructor(resolve: ContentBlockResolver) {
    super()
    this.#resolve = resolve
  }

  override liquidMethodMissing(key: string | number, context: Context): string {
    return this.#resolve(String(key), context)
  }

  override valueOf(): Record<string, unknown> {
    return {}
  }
}
