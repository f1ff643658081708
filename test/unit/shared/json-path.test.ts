import { describe, expect, it } from 'vitest'
import { jsonPath } from '../../../shared/json-path'

describe('jsonPath', () => {
  it('writes keys with dots and indexes in brackets', () => {
    expect(jsonPath(['attributes', 0, 'external_id'])).toBe('attributes[0].external_id')
  })

  it('quotes keys that are not plain names', () => {
    expect(jsonPath(['properties', 'my key', '$x'])).toBe('properties["my key"]["$x"]')
  })

  it('names the document itself with the empty path', () => {
    expect(jsonPath([])).toBe('')
  })
})
