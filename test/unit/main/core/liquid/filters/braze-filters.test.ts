import { describe, expect, it } from 'vitest'
import { createBrazeLiquid } from '../../../../../../main/core/liquid/braze-liquid'
import { FIXED_NOW } from '../../../../../helpers/liquid-fixtures'

const engine = createBrazeLiquid({ clock: () => FIXED_NOW })

function render(template: string, custom: Record<string, unknown> = {}) {
  return engine.renderSync({ template, user: { external_id: 'u', custom_attributes: custom } })
}
const out = (template: string, custom?: Record<string, unknown>) => {
  const result = render(template, custom)
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([])
  return result.output
}

describe('Braze filter vectors (braze.md §2.2)', () => {
  it.each([
    ["{{'hey' | md5}}", '6057f13c496ecf7fd777ceb9e79ae285'],
    ["{{'hey' | sha1}}", '7f550a9f4c44173a37664d938f1355f0f92a47a7'],
    ["{{'hey' | sha2}}", 'fa690b82061edfd2852629aeba8a8977b57e40fcb77d1a7a28b26cba62591204'],
    ["{{'blah' | base64_encode}}", 'YmxhaA=='],
    ["{{'hey' | hmac_sha1_hex: 'secret_key'}}", '2a3969bed25bfeefb00aca4063eb9590b4df8f0e'],
    ["{{'hey' | hmac_sha1_base64: 'secret_key'}}", 'KjlpvtJb/u+wCspAY+uVkLTfjw4='],
    [
      "{{'hey' | hmac_sha256_hex: 'secret_key'}}",
      '8df897f8da3d7992fe57c8dbc6f27578cfbf2dcc4d0fbb4000b8c924841d508e',
    ],
    [
      "{{'hey' | hmac_sha256_base64: 'secret_key'}}",
      'jfiX+No9eZL+V8jbxvJ1eM+/LcxND7tAALjJJIQdUI4=',
    ],
    ["{{'hey<>hi' | url_escape}}", 'hey%3C%3Ehi'],
    ["{{'a&b=c' | url_escape}}", 'a&b=c'],
    ["{{'hey<&>hi' | url_param_escape}}", 'hey%3C%26%3Ehi'],
    ["{{'+12125551212' | url_param_escape}}", '%2B12125551212'],
    ["{{'google search' | url_encode}}", 'google+search'],
    ['{{ 123456 | number_with_delimiter }}', '123,456'],
    ['{{ 1234567.891 | number_with_delimiter }}', '1,234,567.891'],
    ['{{15 | divided_by: 2}}', '7'],
    ['{{15 | divided_by: 2.0}}', '7.5'],
    ['{{ -7 | divided_by: 2 }}', '-4'],
    ['{{ 145 | money }}', '145.00'],
    ['${{ 145 | divided_by: 100.00 | money }}', '$1.45'],
    ["{{ '42abc' | to_i }}", '42'],
    ['{{ nope | to_i }}', '0'],
    ["{{ '12' | plus: 0 }}", '12'],
  ])('%s → %s', (template, expected) => {
    expect(out(template)).toBe(expected)
  })

  it('hmac_sha256 and hmac_sha512 without a suffix give hex (assumed, braze.md §9.4)', () => {
    expect(out("{{'hey' | hmac_sha512: 'secret_key'}}")).toMatch(/^77559e11[0-9a-f]{115}c03ed$/)
    expect(out("{{'hey' | hmac_sha256: 'secret_key'}}")).toBe(
      '8df897f8da3d7992fe57c8dbc6f27578cfbf2dcc4d0fbb4000b8c924841d508e',
    )
  })

  it('json_escape escapes quotes, backslashes and line breaks for a JSON string', () => {
    expect(out('{{ custom_attribute.${v} | json_escape }}', { v: 'José "Pepe"\n\\' })).toBe(
      'José \\"Pepe\\"\\n\\\\',
    )
  })

  it('json_parse turns text into data, and as_json_string data into JSON', () => {
    const template = `{% assign d = '[{"id":"1","store_name":"demo-store"}]' | json_parse %}{{ d[0].store_name }} {{ d | as_json_string }}`
    expect(out(template)).toBe('demo-store [{"id":"1","store_name":"demo-store"}]')
  })

  it('json_parse keeps 2.0 a Float, and as_json_string writes it back as 2.0', () => {
    const template = `{% assign d = '{"rate": 2.0, "n": 2}' | json_parse %}{{ d.rate }} {{ d.n }} {{ d | as_json_string }}`
    expect(out(template)).toBe('2.0 2 {"rate":2.0,"n":2}')
  })

  it('json_parse refuses text nested too deeply, at the filter', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const result = render(`{% assign d = custom_attribute.\${deep} | json_parse %}{{ d }}`, {
      deep,
    })
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('json_parse: the input is nested too deeply') as string,
      }),
    ])
  })

  it('property_accessor reads a key, which may come from an attribute', () => {
    expect(
      out("{{ custom_attribute.${h} | property_accessor: 'a' }}", { h: { a: 42, b: 0 } }),
    ).toBe('42')
  })

  it('default does not fire for whitespace-only text', () => {
    expect(out("[{{ ' ' | default: 'x' }}][{{ '' | default: 'x' }}]")).toBe('[ ][x]')
  })
})

describe('date and time_zone', () => {
  it("gives 'now' as UTC epoch seconds from the render's clock", () => {
    expect(out("{{ 'now' | date: '%s' }}")).toBe(String(FIXED_NOW.getTime() / 1000))
  })

  it('formats a date attribute with full strftime, including %s', () => {
    expect(out("{{ custom_attribute.${d} | date: '%s' }}", { d: '2021-06-03 17:13:41 UTC' })).toBe(
      '1622740421',
    )
    expect(
      out("{{ custom_attribute.${d} | date: '%b %d' }}", { d: '2021-06-03 17:13:41 UTC' }),
    ).toBe('Jun 03')
  })

  it('formats an epoch number, so date can follow plus', () => {
    expect(out("{{ 'now' | date: '%s' | plus: 31622400 | date: '%FT%TZ' }}")).toBe(
      '2027-11-21T15:04:05Z',
    )
  })

  it('moves a time into a zone before formatting', () => {
    expect(out("{{ 'now' | time_zone: 'America/Chicago' | date: '%Y-%m-%d %H:%M %Z' }}")).toBe(
      '2026-11-20 09:04 CST',
    )
    expect(out("{{ 'now' | time_zone: '+0530' | date: '%H:%M %z' }}")).toBe('20:34 +0530')
  })

  it('returns text that is not a time unchanged', () => {
    expect(out("{{ 'soon' | date: '%Y' }}")).toBe('soon')
  })

  it('fails clearly on an unknown time zone', () => {
    const [problem] = render("{{ 'now' | time_zone: 'Mars/Olympus' }}").problems
    expect(problem?.code).toBe('liquid-error')
    expect(problem?.message).toMatch(/"Mars\/Olympus" is not a time zone/)
  })
})

describe('filters Braze does not render', () => {
  it.each([
    ['find_index', 'Loop with {% for %}'],
    ['money_with_currency', 'Use money and add the currency yourself'],
    ['money_without_currency', 'Use money'],
    ['camelize', 'Build it with split'],
    ['handleize', 'downcase'],
    ['pluralize', '{% if count == 1 %}'],
    ['lstrip', 'Use strip'],
    ['rstrip', 'Use strip'],
    ['format_address', 'Shopify storefront filter'],
    ['highlight', 'Shopify storefront filter'],
  ])('%s is an error at its position, with a fix', (name, fix) => {
    const [problem] = render(`line one\n  {{ 'x' | ${name} }}`).problems
    expect(problem).toMatchObject({
      severity: 'error',
      code: 'unsupported-filter',
      line: 2,
      column: 12,
    })
    expect(problem?.message).toContain(`"${name}"`)
    expect(problem?.fix).toContain(fix)
  })

  it('rejects filters that liquidjs has but Braze does not, such as jsonify and where_exp', () => {
    expect(
      render("{{ 'x' | jsonify }}{{ a | where_exp: 'i', 'i' }}").problems.map((p) => [
        p.code,
        p.column,
      ]),
    ).toEqual([
      ['unknown-filter', 10],
      ['unknown-filter', 27],
    ])
  })

  it('warns about standard Liquid filters Braze does not list, but renders them', () => {
    const result = render("{{ 'a+b' | url_decode }}")
    expect(result.output).toBe('a b')
    expect(result.problems.map((p) => [p.severity, p.code])).toEqual([
      ['warning', 'untested-filter'],
    ])
  })
})
