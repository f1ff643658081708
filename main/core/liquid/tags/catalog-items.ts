import {
  Tag,
  type Context,
  type Liquid,
  type Parser,
  type TagToken,
  type Template,
  type TopLevelToken,
} from 'liquidjs'
import { report, runtimeOf } from '../runtime'
import { markupStart, parseRange, renderToText } from './markup-template'

/**
 * `{% catalog_items <catalog> <id> … [:rerender] %}` and
 * `{% catalog_selection_items <catalog> <selection> %}` set `items` (braze.md §2.3) from the
 * catalogs the caller supplies as stand-ins.
 */
abstract class CatalogTag extends Tag {
  private readonly markup: Template[]

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid)
    this.markup = parseRange(liquid, parser, token.input, markupStart(token), token.contentRange[1])
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const words = (yield* renderToText(this.liquid, this.markup, ctx))
      .split(/\s+/)
      .filter((w) => w && w !== ':rerender')
    const [catalog = '', ...rest] = words
    const place = { input: this.token.input, offset: this.token.begin }
    const problem = (severity: 'warning' | 'info', code: string, message: string, fix: string) =>
      report(ctx, { severity, code, message, fix, place })
    ctx.bottom().items = this.items(ctx, catalog, rest, problem)
  }

  protected abstract items(
    ctx: Context,
    catalog: string,
    ids: string[],
    problem: (severity: 'warning' | 'info', code: string, message: string, fix: string) => void,
  ): unknown[]
}

export class CatalogItemsTag extends CatalogTag {
  protected items(
    ctx: Context,
    catalog: string,
    ids: string[],
    problem: Parameters<CatalogTag['items']>[3],
  ): unknown[] {
    const items = runtimeOf(ctx)?.standIns.catalogs?.[catalog]
    if (!items) {
      problem(
        'warning',
        'catalog-missing',
        `Catalog "${catalog}" was not supplied, so items is empty in this preview.`,
        `Add a stand-in for catalog "${catalog}" with the items ${ids.join(', ') || '(none)'}.`,
      )
      return []
    }
    const missing = ids.filter((id) => !Object.hasOwn(items, id))
    if (missing.length > 0) {
      problem(
        'info',
        'catalog-item-missing',
        `Catalog "${catalog}" has no item ${missing.join(', ')}; Braze leaves such ids out of items.`,
        'Check the item ids, or add them to the stand-in.',
      )
    }
    return ids.filter((id) => Object.hasOwn(items, id)).map((id) => items[id])
  }
}

export class CatalogSelectionItemsTag extends CatalogTag {
  protected items(
    ctx: Context,
    catalog: string,
    ids: string[],
    problem: Parameters<CatalogTag['items']>[3],
  ): unknown[] {
    const selection = ids[0] ?? ''
    const items = runtimeOf(ctx)?.standIns.catalogSelections?.[catalog]?.[selection]
    if (!items) {
      problem(
        'warning',
        'catalog-selection-missing',
        `Selection "${selection}" of catalog "${catalog}" was not supplied, so items is empty in this preview.`,
        `Add a stand-in for selection "${selection}" of catalog "${catalog}".`,
      )
      return []
    }
    return items
  }
}
