import { describe, expect, it } from 'vitest'
import { pathSegments, templateLineAt } from '../../../../../main/core/trigger/template-lines'

describe('templateLineAt', () => {
  it('maps line for line when the body has as many lines as the template', () => {
    const template = '{\n"a": "{{x}}",\n"b": 1\n}'
    const output = '{\n"a": "v",\n"b": 1\n}'
    expect(templateLineAt(template, output, output.indexOf('"b"'))).toBe(3)
  })

  it('finds the template line by its literal text when a tag dropped lines', () => {
    const template = '{\n{% if x %}\n"a": 1,\n{% endif %}\n"b": "{{y}}"\n}'
    const output = '{\n"b": "v"\n}'
    expect(templateLineAt(template, output, output.indexOf('"b"'))).toBe(5)
  })
})

describe('pathSegments', () => {
  it('reads indexes, names and quoted keys back', () => {
    expect(pathSegments('events[0].properties["my key"]')).toEqual([
      'events',
      0,
      'properties',
      'my key',
    ])
  })
})
