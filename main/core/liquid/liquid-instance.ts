import { Drop, Liquid } from 'liquidjs'
import { FLOAT_LITERALS, KNOWN_TAGS } from './dialect/names'
import { registerBrazeFilters } from './filters/register-filters'
import { rubyFloat } from '../../../shared/numbers/ruby-float'
import { installTracing } from './render-trace'
import { AbortMessageTag } from './tags/abort-message'
import { CatalogItemsTag, CatalogSelectionItemsTag } from './tags/catalog-items'
import { ConnectedContentTag } from './tags/connected-content'
import { MessageExtrasTag } from './tags/message-extras'
import { PromotionTag } from './tags/promotion'

/**
 * A liquidjs configured as Braze's dialect expects after the rewrite: grouped expressions for
 * nested `{{ }}`, Braze's filters and tags only, no file system. Values are printed Ruby-style
 * by our emitters (render-trace.ts), so no output filter is needed.
 * `strictFilters: false` is only for a second diagnostic parse after our own filter check.
 */
export function createBrazeLiquidjs(options: { strictFilters: boolean }): Liquid {
  const liquid = new Liquid({
    groupedExpressions: true,
    strictFilters: options.strictFilters,
    strictVariables: false,
    ownPropertyOnly: true,
    greedy: true,
    // An in-memory (empty) template map: nothing a template says can read the disk.
    templates: {},
    globals: { [FLOAT_LITERALS]: new FloatLiterals() },
  })
  registerBrazeFilters(liquid)
  for (const name of Object.keys(liquid.tags)) {
    if (!KNOWN_TAGS.has(name)) delete liquid.tags[name]
  }
  liquid.registerTag('abort_message', AbortMessageTag)
  liquid.registerTag('connected_content', ConnectedContentTag)
  liquid.registerTag('catalog_items', CatalogItemsTag)
  liquid.registerTag('catalog_selection_items', CatalogSelectionItemsTag)
  liquid.registerTag('promotion', PromotionTag)
  liquid.registerTag('message_extras', MessageExtrasTag)
  installTracing(liquid)
  return liquid
}

/** `__braze_float["2.0"]`, written by the rewrite for a whole decimal literal: the Float 2.0. */
class FloatLiterals extends Drop {
  override liquidMethodMissing(key: string | number): unknown {
    return rubyFloat(Number(key))
  }
}
