import { Context, Drop, toValueSync, type Template } from 'liquidjs'
import { describe, expect, it } from 'vitest'
import { writeDirectly } from '../../../../../main/core/liquid/direct-output'
import { createBrazeLiquidjs } from '../../../../../main/core/liquid/liquid-instance'
import { PlainEmitter } from '../../../../../main/core/liquid/render-trace'
import { RubyFloat } from '../../../../../shared/numbers/ruby-float'

const liquid = createBrazeLiquidjs({ strictFilters: true })

class NameDrop extends Drop {
  override liquidMethodMissing(key: string | number): unknown {
    return `drop:${String(key)}`
  }
}

const SCOPE = {
  text: 'Ada',
  float: new RubyFloat(2),
  nothing: null,
  user: { first_name: 'Ada', address: { city: 'Berlin', size: 'XL' }, tags: ['a', 'b'] },
  list: [1, 2, 3],
  drop: new NameDrop(),
  nested: { drop: new NameDrop(), float: new RubyFloat(7) },
  fn: () => 'called',
  inherited: Object.create({ secret: 'from the prototype' }) as object,
  'odd key': 'quoted',
}

const TEMPLATES = [
  'plain text, "quoted" and {braces}',
  '{{ text }}',
  '{{ float }}',
  '{{ nothing }}',
  '{{ nothing.x }}',
  '{{ missing }}',
  '{{ missing.deeper.still }}',
  '{{ user.first_name }}',
  '{{ user.address.city }}',
  '{{ user.address }}',
  '{{ user.address.size }}',
  '{{ user.tags }}',
  '{{ user.tags.first }}',
  '{{ user.tags.size }}',
  '{{ user.size }}',
  '{{ list.last }}',
  '{{ list[1] }}',
  '{{ drop.anything }}',
  '{{ drop }}',
  '{{ nested.drop.x }}',
  '{{ nested.float }}',
  '{{ fn }}',
  '{{ inherited.secret }}',
  '{{ user["first_name"] }}',
  '{{ ["odd key"] }}',
  '{{ text | upcase }}',
  '{{ "literal" }}',
  '{{ 5 }}',
  '{{ true }}',
  '{{ empty }}',
  '{{ user.first_name.size }}',
]

/** What liquidjs's own render writes, with the same emitter. */
function viaLiquidjs(template: Template): string {
  const emitter = new PlainEmitter()
  const ctx = new Context({ ...SCOPE }, liquid.options, { sync: true }, { liquid })
  toValueSync(template.render(ctx, emitter))
  return emitter.buffer
}

describe('writing text and plain outputs without liquidjs generators', () => {
  it.each(TEMPLATES)('writes %s exactly as liquidjs does, or leaves it to liquidjs', (source) => {
    for (const template of liquid.parse(source)) {
      const emitter = new PlainEmitter()
      const ctx = new Context({ ...SCOPE }, liquid.options, { sync: true }, { liquid })
      if (writeDirectly(template, ctx, emitter)) expect(emitter.buffer).toBe(viaLiquidjs(template))
    }
  })

  it('takes the direct way for text and plain property paths', () => {
    const direct = (source: string) =>
      liquid
        .parse(source)
        .map((template) =>
          writeDirectly(
            template,
            new Context({ ...SCOPE }, liquid.options, { sync: true }, { liquid }),
            new PlainEmitter(),
          ),
        )
    expect(direct('Hi {{ user.first_name }}, {{ float }}{{ missing.x }}')).toEqual([
      true,
      true,
      true,
      true,
      true,
    ])
  })

  it('leaves drops, functions, filters, special keys and arrays to liquidjs', () => {
    for (const source of [
      '{{ drop.x }}',
      '{{ nested.drop.x }}',
      '{{ fn }}',
      '{{ text | upcase }}',
      '{{ user.tags.size }}',
      '{{ list.last }}',
      '{{ user.address.size }}',
    ]) {
      const [template] = liquid.parse(source)
      const ctx = new Context({ ...SCOPE }, liquid.options, { sync: true }, { liquid })
      expect(writeDirectly(template!, ctx, new PlainEmitter()), source).toBe(false)
    }
  })
})
