import type { OracleCase } from '../oracle-case'

/**
 * Hand-written cases: every standard Liquid 5 tag and filter Braze renders, with the values
 * Braze users write (custom attributes read as `custom_attribute.${name}`).
 */

const A = JSON.stringify({
  name: 'Ada Lovelace',
  city: 'london',
  html: '<p>Hi <b>there</b></p><!-- x --><script>alert(1)</script>',
  text: 'one two  three\nfour',
  csv: 'a,b,,c,',
  tags: ['vip', 'beta', 'vip', 'gold'],
  nums: [3, 1, 2, 10],
  mixed: ['b', 'A', 'c', 'B'],
  empty_list: [],
  nested: [
    [1, 2],
    [3, [4]],
  ],
  products: [
    { title: 'Pen', price: 2.5, type: 'office', stock: 0 },
    { title: 'Desk', price: 120, type: 'furniture', stock: 3 },
    { title: 'Ink', price: 7.0, type: 'office', stock: null },
  ],
  profile: { plan: 'gold', seats: 3 },
  blank_text: '   ',
  nil_value: null,
  yes: true,
  no: false,
  zero: 0,
  rate: 0.0725,
  whole_float: 2.0,
  count: 6,
  quote: 'He said "hi" & left',
})

type Row = [id: string, template: string, attributes?: string]

const rows: Row[] = [
  // output and literals
  ['output-string', '{{ "hello" }}|{{ \'single\' }}'],
  ['output-integer-literal', '{{ 42 }}|{{ -7 }}'],
  ['output-float-literal', '{{ 1.0 }}|{{ 2.50 }}|{{ -0.5 }}|{{ 100.00 }}'],
  ['output-booleans-nil', '[{{ true }}][{{ false }}][{{ nil }}][{{ empty }}][{{ blank }}]'],
  ['output-range', '{{ (1..3) }}'],
  ['output-array', '{{ custom_attribute.${tags} }}|{{ custom_attribute.${nested} }}', A],
  ['output-hash', '{{ custom_attribute.${profile} }}', A],
  ['output-array-of-hashes', '{{ custom_attribute.${products} }}', A],
  [
    'output-float-attribute',
    '{{ custom_attribute.${whole_float} }}|{{ custom_attribute.${rate} }}',
    A,
  ],
  ['output-missing', '[{{ custom_attribute.${nope} }}][{{ nope }}][{{ nope.deeper }}]', A],
  [
    'output-index',
    '{{ custom_attribute.${tags}[1] }}|{{ custom_attribute.${tags}[-1] }}|{{ custom_attribute.${tags}.first }}|{{ custom_attribute.${tags}.size }}',
    A,
  ],
  [
    'output-hash-key',
    '{{ custom_attribute.${profile}.plan }}|{{ custom_attribute.${profile}["seats"] }}',
    A,
  ],
  ['output-string-size', '{{ custom_attribute.${name}.size }}', A],
  ['standard-attribute', 'Hi {{${first_name}}} {{${last_name} | upcase}}'],
  // assign, capture, echo
  ['assign-string', '{% assign x = "a b" %}{{ x }}'],
  [
    'assign-filtered',
    '{% assign x = custom_attribute.${name} | downcase | split: " " %}{{ x | join: "-" }}',
    A,
  ],
  ['assign-float', '{% assign x = 3.0 %}{{ x }}|{{ x | plus: 1 }}'],
  [
    'capture',
    '{% capture greeting %}Hi {{ custom_attribute.${name} }}!{% endcapture %}[{{ greeting }}]',
    A,
  ],
  ['capture-float', '{% capture n %}{{ 2.0 }}{% endcapture %}{{ n | plus: 1 }}'],
  ['echo', '{% echo "x" | append: "y" %}'],
  ['liquid-tag', '{% liquid\nassign a = 5\nif a > 3\necho "big"\nendif\n%}'],
  ['inline-comment', 'a{% # a comment %}b'],
  ['comment', 'a{% comment %}{{ x }}{% endcomment %}b'],
  ['raw', '{% raw %}{{ not rendered }}{% endraw %}'],
  // conditions
  [
    'if-else',
    '{% if custom_attribute.${count} > 5 %}big{% elsif custom_attribute.${count} > 2 %}mid{% else %}small{% endif %}',
    A,
  ],
  [
    'if-and-or',
    '{% if true or false and false %}y{% else %}n{% endif %}|{% if false and true or true %}y{% else %}n{% endif %}',
  ],
  [
    'if-contains-string',
    '{% if custom_attribute.${name} contains "Love" %}y{% else %}n{% endif %}',
    A,
  ],
  [
    'if-contains-array',
    '{% if custom_attribute.${tags} contains "vip" %}y{% endif %}{% if custom_attribute.${nums} contains 2 %}2{% endif %}',
    A,
  ],
  ['if-contains-number-in-string', '{% if "a1b" contains 1 %}y{% else %}n{% endif %}'],
  ['if-zero-truthy', '{% if custom_attribute.${zero} %}truthy{% else %}falsy{% endif %}', A],
  ['if-empty-string-truthy', '{% if "" %}truthy{% else %}falsy{% endif %}'],
  [
    'if-nil',
    '{% if custom_attribute.${nil_value} == nil %}nil{% endif %}{% if custom_attribute.${nope} == null %}null{% endif %}',
    A,
  ],
  [
    'if-blank',
    '{% if custom_attribute.${blank_text} == blank %}b{% endif %}{% if custom_attribute.${no} == blank %}f{% endif %}{% if custom_attribute.${nope} == blank %}n{% endif %}{% if custom_attribute.${empty_list} == blank %}l{% endif %}',
    A,
  ],
  [
    'if-empty',
    '{% if custom_attribute.${empty_list} == empty %}e{% endif %}{% if "" == empty %}s{% endif %}{% if custom_attribute.${blank_text} == empty %}x{% endif %}',
    A,
  ],
  [
    'if-float-equals-int',
    '{% if custom_attribute.${whole_float} == 2 %}eq{% else %}ne{% endif %}',
    A,
  ],
  ['if-string-number-equal', '{% if "1" == 1 %}eq{% else %}ne{% endif %}'],
  [
    'if-array-equal',
    '{% if custom_attribute.${empty_list} == custom_attribute.${empty_list} %}same{% endif %}',
    A,
  ],
  ['unless', '{% unless custom_attribute.${yes} %}no{% else %}yes{% endunless %}', A],
  [
    'case-when',
    '{% case custom_attribute.${city} %}{% when "paris" %}FR{% when "london", "leeds" %}UK{% else %}?{% endcase %}',
    A,
  ],
  ['case-when-or', '{% case 2 %}{% when 1 or 2 %}one-or-two{% endcase %}'],
  [
    'case-number',
    '{% case custom_attribute.${whole_float} %}{% when 2 %}two{% else %}other{% endcase %}',
    A,
  ],
  // loops
  [
    'for-basic',
    '{% for t in custom_attribute.${tags} %}{{ forloop.index }}:{{ t }}{% unless forloop.last %},{% endunless %}{% endfor %}',
    A,
  ],
  [
    'for-forloop',
    '{% for t in (1..3) %}{{ forloop.index0 }}{{ forloop.rindex }}{{ forloop.rindex0 }}{{ forloop.first }}{{ forloop.length }} {% endfor %}',
  ],
  [
    'for-limit-offset',
    '{% for n in custom_attribute.${nums} limit: 2 offset: 1 %}{{ n }}{% endfor %}',
    A,
  ],
  ['for-reversed', '{% for n in (1..4) reversed %}{{ n }}{% endfor %}'],
  ['for-else', '{% for n in custom_attribute.${empty_list} %}{{ n }}{% else %}none{% endfor %}', A],
  [
    'for-break-continue',
    '{% for n in (1..6) %}{% if n == 2 %}{% continue %}{% endif %}{% if n == 5 %}{% break %}{% endif %}{{ n }}{% endfor %}',
  ],
  [
    'for-hash',
    '{% for pair in custom_attribute.${profile} %}{{ pair[0] }}={{ pair[1] }};{% endfor %}',
    A,
  ],
  ['for-string', '{% for c in "abc" %}[{{ c }}]{% endfor %}'],
  [
    'for-nested-parentloop',
    '{% for a in (1..2) %}{% for b in (1..2) %}{{ forloop.parentloop.index }}{{ b }} {% endfor %}{% endfor %}',
  ],
  ['for-range-variable', '{% assign top = 3 %}{% for i in (1..top) %}{{ i }}{% endfor %}'],
  [
    'for-offset-continue',
    '{% for n in (1..6) limit: 2 %}{{ n }}{% endfor %}|{% for n in (1..6) offset: continue limit: 2 %}{{ n }}{% endfor %}',
  ],
  ['tablerow', '{% tablerow t in custom_attribute.${tags} cols: 2 %}{{ t }}{% endtablerow %}', A],
  ['cycle', '{% for n in (1..4) %}{% cycle "a", "b", "c" %}{% endfor %}'],
  ['cycle-group', '{% cycle "g": "x", "y" %}{% cycle "g": "x", "y" %}{% cycle "h": "x", "y" %}'],
  [
    'increment-decrement',
    '{% increment c %}{% increment c %}{% decrement d %}{% decrement d %}|{{ c }}',
  ],
  ['increment-assign-separate', '{% assign c = 10 %}{% increment c %}{{ c }}'],
  ['whitespace-control', 'a  {%- if true -%}  b  {%- endif -%}  c {{- " d " -}} e'],
  // string filters
  [
    'f-append-prepend',
    '{{ "b" | append: "c" | prepend: "a" }}|{{ 1 | append: 2.0 }}|{{ nil | append: "x" }}',
  ],
  ['f-capitalize', '{{ "hELLO wORLD" | capitalize }}|{{ "élan" | capitalize }}'],
  ['f-downcase-upcase', '{{ "MiXeD" | downcase }}|{{ "MiXeD" | upcase }}|{{ 2.0 | upcase }}'],
  [
    'f-escape',
    '{{ custom_attribute.${quote} | escape }}|{{ "<a href=\'x\'>" | escape }}|{{ nil | escape }}',
    A,
  ],
  ['f-escape-once', '{{ "&lt; & <" | escape_once }}'],
  ['f-newline-to-br', '{{ custom_attribute.${text} | newline_to_br }}', A],
  [
    'f-remove',
    '{{ "banana" | remove: "an" }}|{{ "banana" | remove_first: "an" }}|{{ "banana" | remove_last: "an" }}',
  ],
  [
    'f-replace',
    '{{ "banana" | replace: "a", "o" }}|{{ "banana" | replace_first: "a", "o" }}|{{ "banana" | replace_last: "a", "o" }}|{{ "1.0" | replace: ".", "," }}',
  ],
  [
    'f-slice',
    '{{ "Liquid" | slice: 0 }}|{{ "Liquid" | slice: 2, 3 }}|{{ "Liquid" | slice: -3, 2 }}|{{ "Liquid" | slice: 10 }}|{{ custom_attribute.${tags} | slice: 1, 2 | join: "+" }}',
    A,
  ],
  [
    'f-split',
    '{{ custom_attribute.${csv} | split: "," | join: "|" }}|{{ custom_attribute.${text} | split: " " | join: "|" }}|{{ "abc" | split: "" | join: "|" }}',
    A,
  ],
  [
    'f-split-size',
    '{{ custom_attribute.${csv} | split: "," | size }}|{{ "" | split: "," | size }}',
    A,
  ],
  ['f-strip', '[{{ "  a b  " | strip }}][{{ custom_attribute.${text} | strip_newlines }}]', A],
  ['f-strip-html', '{{ custom_attribute.${html} | strip_html }}', A],
  [
    'f-truncate',
    '{{ "Ground control to Major Tom." | truncate: 20 }}|{{ "Ground control" | truncate: 8, "" }}|{{ "Ground" | truncate: 3, "!!!" }}|{{ "short" | truncate: 10 }}',
  ],
  [
    'f-truncatewords',
    '{{ "Ground control to Major Tom." | truncatewords: 3 }}|{{ "a  b   c d" | truncatewords: 2, "--" }}|{{ "one" | truncatewords: 0 }}',
  ],
  ['f-url', '{{ "a b&c/d?e=é" | url_encode }}|{{ "a+b%20c%2F" | url_decode }}'],
  ['f-base64', '{{ "blah" | base64_encode }}|{{ "YmxhaA==" | base64_decode }}'],
  [
    'f-size',
    '{{ "abc" | size }}|{{ custom_attribute.${tags} | size }}|{{ custom_attribute.${profile} | size }}|{{ nil | size }}|{{ 1234 | size }}|{{ 2.5 | size }}',
    A,
  ],
  // array filters
  [
    'f-join',
    '{{ custom_attribute.${tags} | join }}|{{ custom_attribute.${nums} | join: ", " }}|{{ custom_attribute.${nested} | join: "-" }}|{{ "str" | join: "-" }}',
    A,
  ],
  [
    'f-first-last',
    '{{ custom_attribute.${tags} | first }}|{{ custom_attribute.${tags} | last }}|{{ "hello" | first }}|{{ "hello" | last }}|{{ custom_attribute.${empty_list} | first }}',
    A,
  ],
  ['f-reverse', '{{ custom_attribute.${tags} | reverse | join: "," }}|{{ "abc" | reverse }}', A],
  [
    'f-sort',
    '{{ custom_attribute.${nums} | sort | join: "," }}|{{ custom_attribute.${mixed} | sort | join: "," }}|{{ custom_attribute.${products} | sort: "price" | map: "title" | join: "," }}',
    A,
  ],
  [
    'f-sort-natural',
    '{{ custom_attribute.${mixed} | sort_natural | join: "," }}|{{ custom_attribute.${products} | sort_natural: "title" | map: "title" | join: "," }}',
    A,
  ],
  [
    'f-uniq',
    '{{ custom_attribute.${tags} | uniq | join: "," }}|{{ custom_attribute.${products} | uniq: "type" | map: "title" | join: "," }}',
    A,
  ],
  [
    'f-compact',
    '{{ custom_attribute.${products} | map: "stock" | compact | join: "," }}|{{ custom_attribute.${products} | compact: "stock" | map: "title" | join: "," }}',
    A,
  ],
  [
    'f-map',
    '{{ custom_attribute.${products} | map: "title" | join: "," }}|{{ custom_attribute.${products} | map: "price" | join: "," }}',
    A,
  ],
  [
    'f-where',
    '{{ custom_attribute.${products} | where: "type", "office" | map: "title" | join: "," }}|{{ custom_attribute.${products} | where: "stock" | map: "title" | join: "," }}',
    A,
  ],
  ['f-concat', '{{ custom_attribute.${tags} | concat: custom_attribute.${nums} | join: "," }}', A],
  // math filters
  [
    'f-plus-minus',
    '{{ 4 | plus: 2 }}|{{ 4 | minus: 2.5 }}|{{ "3" | plus: "4" }}|{{ 0.1 | plus: 0.2 }}|{{ 1 | minus: 0.9 }}',
  ],
  [
    'f-times',
    '{{ 3 | times: 2 }}|{{ 3 | times: 1.1 }}|{{ 1.1 | times: 1.1 }}|{{ custom_attribute.${rate} | times: 100 }}',
    A,
  ],
  [
    'f-divided-by',
    '{{ 15 | divided_by: 2 }}|{{ 15 | divided_by: 2.0 }}|{{ -15 | divided_by: 2 }}|{{ 10 | divided_by: 3.0 }}|{{ 1 | divided_by: 3.0 }}|{{ "9" | divided_by: "2" }}',
  ],
  [
    'f-modulo',
    '{{ 10 | modulo: 3 }}|{{ -10 | modulo: 3 }}|{{ 10 | modulo: -3 }}|{{ 10.5 | modulo: 3 }}|{{ 10 | modulo: 3.0 }}|{{ 5.5 | modulo: 0.1 }}',
  ],
  ['f-abs', '{{ -3 | abs }}|{{ -3.5 | abs }}|{{ "-4" | abs }}|{{ "abc" | abs }}|{{ 2.0 | abs }}'],
  [
    'f-ceil-floor',
    '{{ 1.2 | ceil }}|{{ -1.2 | ceil }}|{{ 1.8 | floor }}|{{ -1.8 | floor }}|{{ "3.5" | ceil }}|{{ 2.0 | floor }}',
  ],
  [
    'f-round',
    '{{ 2.5 | round }}|{{ -2.5 | round }}|{{ 3.14159 | round: 2 }}|{{ 1.005 | round: 2 }}|{{ 5 | round: 2 }}|{{ 2.0 | round: 1 }}|{{ 1234.5678 | round: -2 }}',
  ],
  [
    'f-at-least-most',
    '{{ 4 | at_least: 5 }}|{{ 4 | at_least: 3.5 }}|{{ 4.5 | at_most: 4 }}|{{ 4 | at_most: 4.0 }}',
  ],
  [
    'f-chained-math',
    '{{ 10 | divided_by: 4 | times: 4.0 | plus: 1 }}|{{ 0.1 | times: 3 | minus: 0.3 }}',
  ],
  // default
  [
    'f-default',
    '[{{ nil | default: "x" }}][{{ "" | default: "x" }}][{{ false | default: "x" }}][{{ " " | default: "x" }}][{{ 0 | default: "x" }}][{{ custom_attribute.${empty_list} | default: "x" }}]',
    A,
  ],
  [
    'f-default-allow-false',
    '[{{ false | default: "x", allow_false: true }}][{{ nil | default: "x", allow_false: true }}]',
  ],
  // dates
  ['f-date-now', '{{ "now" | date: "%Y-%m-%d %H:%M:%S %z %Z %s" }}|{{ "today" | date: "%F" }}'],
  ['f-date-epoch', '{{ 1622740421 | date: "%F %T" }}|{{ "1622740421" | date: "%c" }}'],
  [
    'f-date-strings',
    '{{ "2021-06-03 17:13:41 UTC" | date: "%s" }}|{{ "2021-06-03" | date: "%b %d" }}|{{ "June 3, 2021" | date: "%A %-d %B %Y" }}',
  ],
  [
    'issue-case-1-dates',
    '{{custom_attribute.${renewal} | date: "%m-%e"}}|{{custom_attribute.${order_day} | date: "%F"}}',
    '{"renewal":"13-10-2022","order_day":"03/06/2021"}',
  ],
  [
    'issue-case-2-float-times',
    'Discount: {{custom_attribute.${discount_rate} | times: 100}}%',
    '{"discount_rate":0.0725}',
  ],
  [
    'issue-case-3-floats-print',
    '{{custom_attribute.${visits} | plus: "1.0"}}|{{custom_attribute.${balance} | divided_by: 2.0}}|{{custom_attribute.${balance} | times: 1.0}}|{{ 10 | modulo: 3.0 }}',
    '{"visits":"1","balance":6}',
  ],
]

export const handWritten: OracleCase[] = rows.map(([id, template, attributes]) => ({
  id,
  template,
  ...(attributes ? { attributes } : {}),
  standard: { first_name: 'Ada', last_name: 'Lovelace' },
}))
