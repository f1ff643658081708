import { describe, expect, it } from 'vitest'
import { rewriteTemplate } from '../../../../../../main/core/liquid/dialect/template-rewriter'

const code = (template: string) => rewriteTemplate(template).code
const issues = (template: string) => rewriteTemplate(template).issues.map((i) => [i.code, i.at])

describe('rewriteTemplate', () => {
  it('turns {{${first_name}}} (three closing braces) into a standard output', () => {
    expect(code('Hi {{${first_name}}}!')).toBe('Hi {{__braze_user.first_name}}!')
  })

  it('keeps keys inside ${…} literal: spaces, dots and + become quoted lookups', () => {
    expect(code('{{custom_attribute.${zip code}}}')).toBe('{{custom_attribute["zip code"]}}')
    expect(code('{{api_trigger_properties.${external_system_msg+body}}}')).toBe(
      '{{api_trigger_properties["external_system_msg+body"]}}',
    )
    expect(code('{{custom_attribute.${address.city}}}')).toBe(
      '{{custom_attribute["address.city"]}}',
    )
  })

  it('keeps paths written after the closing brace', () => {
    expect(
      code('{{event_properties.${categories}[0].id}} {{event_properties.${meta}.color}}'),
    ).toBe('{{event_properties.categories[0].id}} {{event_properties.meta.color}}')
  })

  it('reads a nested {{ }} inside a tag as the value it prints', () => {
    expect(code('{% if {{custom_attribute.${balance}}} > 0 %}')).toBe(
      '{% if custom_attribute.balance > 0 %}',
    )
    expect(code('{% assign v = custom_attribute.${one} %}')).toBe(
      '{% assign v = custom_attribute.one %}',
    )
  })

  it('groups a nested {{ }} that has filters, in tags, filter arguments and outputs', () => {
    expect(code('{% if {{uniq_cat | size}} == 1%}')).toBe('{% if (uniq_cat | size) == 1%}')
    expect(code('${{custom_attribute.${giftcard_balance} | plus: {{balance}}}}')).toBe(
      '${{custom_attribute.giftcard_balance | plus: balance}}',
    )
    expect(code('{{ a | plus: {{ b | times: 2 }} }}')).toBe('{{ a | plus: ( b | times: 2 ) }}')
  })

  it('leaves raw and comment bodies exactly as written', () => {
    const template = '{% raw %}{{${x}}}{% endraw %}{% comment %}{{ x | bogus }}{% endcomment %}'
    expect(code(template)).toBe(template)
  })

  it('keeps backslashes in quoted strings literal, as Ruby Liquid has no escapes', () => {
    expect(code("{{ 'a\\nb' }}")).toBe("{{ 'a\\\\nb' }}")
  })

  it('renders the markup of connected_content as a template', () => {
    expect(code('{% connected_content https://x.io/{{${user_id}}} :save r %}')).toBe(
      '{% connected_content https://x.io/{{__braze_user.user_id}} :save r %}',
    )
  })

  it('records every filter name with its position', () => {
    const { filters } = rewriteTemplate('{{ a | upcase }}\n{% assign b = a | lstrip %}')
    expect(filters.map((f) => [f.name, f.start])).toEqual([
      ['upcase', 7],
      ['lstrip', 35],
    ])
  })

  it('drops `&& …` from a condition as lax Ruby Liquid does, and says so', () => {
    const rewrite = rewriteTemplate('{% if h >= 19 && h < 20 %}')
    expect(rewrite.code).toBe('{% if h >= 19 %}')
    expect(rewrite.issues).toMatchObject([
      { code: 'ignored-condition', at: 14, severity: 'warning' },
    ])
  })

  it('drops a trailing comparison from assign, and the condition of an else', () => {
    expect(code('{% assign x = {{y | modulo: 4 }} != "0" %}')).toBe(
      '{% assign x = (y | modulo: 4 )%}',
    )
    expect(code('{% else {{a}} < 5 %}')).toBe('{% else %}')
    expect(issues('{% assign x = y != "0" %}')).toEqual([['ignored-assign-markup', 16]])
  })

  it('flags single braces around a reference inside a tag', () => {
    expect(issues('{% if {targeted_device.${carrier}} contains "v" %}')).toEqual([
      ['single-brace', 6],
    ])
  })

  it('reports an unbalanced nested {{ once, at the {{', () => {
    expect(issues('{% assign i = {{custom_attribute.${Buyer Interest}} | first } %}')).toEqual([
      ['unclosed-output', 14],
    ])
  })

  it('reports an output or tag that never closes, at its start', () => {
    expect(issues('ok\n{{ x')).toEqual([['unclosed-output', 3]])
    expect(issues('ok {% if x')).toEqual([['unclosed-tag', 3]])
  })

  it('warns about a filter written after the closing }}', () => {
    expect(issues('{{custom_attribute.${one}}} | plus: {{custom_attribute.${two}}}')).toEqual([
      ['filter-outside-output', 28],
    ])
  })

  it('rejects grouping parentheses but accepts ranges', () => {
    expect(issues('{% if (a and b) %}')).toEqual([['parentheses', 6]])
    expect(issues('{% for i in (1..3) %}')).toEqual([])
  })

  it('knows which namespaces the template reads, or that it may read any', () => {
    expect([
      ...(rewriteTemplate('{{${first_name}}} {{custom_attribute.${a}}}').namespaces ?? []),
    ]).toEqual(['__braze_user', 'custom_attribute'])
    expect(rewriteTemplate('{{content_blocks.${x}}}').namespaces).toBeNull()
  })
})
