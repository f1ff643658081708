import type { OracleCase } from '../oracle-case'

/**
 * Generated cases: each filter applied to each kind of value Braze users hold (integers,
 * floats, numeric strings, nil, empty, arrays, dates in common formats, time zones), the value
 * read from a custom attribute so it arrives typed as Braze's JSON gives it.
 */

const VALUES: Record<string, unknown> = {
  int: 6,
  negative: -3,
  zero: 0,
  float: 0.0725,
  whole_float: 2.0,
  negative_float: -1.5,
  big_float: 1e20,
  tiny_float: 0.00001,
  int_string: '1',
  float_string: '1.0',
  decimal_string: '0.0725',
  padded_string: ' 3 ',
  prefix_string: '12abc',
  word: 'abc',
  nil: null,
  empty: '',
  numbers: [3, 1, 2],
  words: ['b', 'a', 'c'],
  empty_list: [],
  yes: true,
}

/** JSON text that keeps `2.0` and `1e20` as written, as an export would send them. */
const VALUES_JSON = JSON.stringify(VALUES)
  .replace('"whole_float":2', '"whole_float":2.0')
  .replace('"big_float":100000000000000000000', '"big_float":1e20')
  .replace('"tiny_float":0.00001', '"tiny_float":1e-05')

const MATH_FILTERS = ['plus', 'minus', 'times', 'divided_by', 'modulo', 'at_least', 'at_most']
const MATH_ARGS = ['2', '2.0', '"2"', '"2.5"', '0.5', '-3', 'custom_attribute.${nil}', '"abc"']
const UNARY_FILTERS = [
  'abs',
  'ceil',
  'floor',
  'round',
  'round: 1',
  'round: 2',
  'size',
  'upcase',
  'capitalize',
  'strip',
  'escape',
  'url_encode',
  'first',
  'last',
  'join: ","',
  'reverse | join: ","',
  'sort | join: ","',
  'uniq | join: ","',
  'compact | join: ","',
  'append: "!"',
  'prepend: 1.0',
  'slice: 1',
  'truncate: 2',
  'split: "" | join: "/"',
  'default: "d"',
  'replace: "1", "one"',
]

const DATES: Record<string, string> = {
  iso_date: '2021-06-03',
  iso_time: '2021-06-03T17:13:41Z',
  iso_offset: '2021-06-03T17:13:41+02:00',
  iso_millis: '2021-06-03T17:13:41.123Z',
  ruby_to_s: '2021-06-03 17:13:41 UTC',
  space_offset: '2021-06-03 17:13:41 -0500',
  zone_name: '2021-06-03 17:13:41 EST',
  slash_ymd: '2021/06/03',
  slash_day_first: '03/06/2021',
  slash_day_above_12: '25/12/2021',
  slash_month_first_impossible: '12/25/2021',
  dash_day_first: '13-10-2022',
  dash_ambiguous: '03-06-2021',
  dot_day_first: '03.06.2021',
  short_year: '03/06/21',
  words: 'June 3, 2021',
  words_day_first: '3 June 2021',
  rfc2822: 'Thu, 03 Jun 2021 17:13:41 GMT',
  month_year: 'Jun 2021',
  time_only: '17:13',
  epoch_string: '1622740421',
  compact: '20210603',
  not_a_date: 'soon',
  short_dash: '2021-6-3',
  named_dash: '3-Jun-2021',
  named_short_year: '03-Jun-21',
  named_time_pm: 'Jun 3 2021 5:30pm',
  ordinal: '3rd June 2021',
  midnight_am: '2021-06-03 12am',
  weekday_named: 'Sat, 5 June 2021',
  hour_offset: '2021-06-03 17:13:41 +02',
  unknown_zone: '2021-06-03 17:13:41 CEST',
  pacific: '2021-06-03 17:13:41 PDT',
  month_13: '13/13/2021',
  february_31: '31/02/2021',
  single_digits: '1/2/2021',
  iso_month_13: '2021-13-01',
  date_zulu: '2021-06-03Z',
  day_month: '3 June',
  month_day: 'December 25',
  clock_pm: '12:30:45 PM',
  hour_24: '2021-06-03 24:00:00',
  day_first_time: '06/03/2021 17:13',
  fraction_offset: '2021-06-03 17:13:41.5 +05:30',
  february_30: '2021-02-30',
  month_slash_day: '3/6',
  weekday_only: 'Tuesday',
  year_only: '2021',
  upper_case: 'JUNE 3, 2021',
}
const DATE_FORMATS = [
  '%F',
  '%m-%e',
  '%Y-%m-%d %H:%M:%S %z',
  '%s',
  '%c %Z',
  '%-d/%-m/%y %I:%M %p %j',
]

function filterCases(): OracleCase[] {
  const cases: OracleCase[] = []
  for (const name of Object.keys(VALUES)) {
    for (const filter of MATH_FILTERS) {
      const outputs = MATH_ARGS.map(
        (arg) => `{{ custom_attribute.\${${name}} | ${filter}: ${arg} }}`,
      )
      cases.push({
        id: `gen-${filter}-${name}`,
        template: outputs.join('|'),
        attributes: VALUES_JSON,
      })
    }
    for (const filter of UNARY_FILTERS) {
      cases.push({
        id: `gen-${filter}-${name}`,
        template: `{{ custom_attribute.\${${name}} | ${filter} }}`,
        attributes: VALUES_JSON,
      })
    }
  }
  return cases
}

function dateCases(): OracleCase[] {
  const json = JSON.stringify(DATES)
  return Object.keys(DATES).flatMap((name) =>
    DATE_FORMATS.map((format, index) => ({
      id: `gen-date-${name}-${index}`,
      template: `{{ custom_attribute.\${${name}} | date: "${format}" }}`,
      attributes: json,
    })),
  )
}

/** Math on whole decimals written in templates, where Float-vs-Integer shows. */
function literalCases(): OracleCase[] {
  const operands = ['7', '7.0', '-7.5', '0.1', '"7"', '"7.25"', '1e3']
  return operands.flatMap((left) =>
    MATH_FILTERS.map((filter) => ({
      id: `gen-literal-${filter}-${left}`,
      template: operands.map((right) => `{{ ${left} | ${filter}: ${right} }}`).join('|'),
    })),
  )
}

export const generated: OracleCase[] = [...filterCases(), ...dateCases(), ...literalCases()]
